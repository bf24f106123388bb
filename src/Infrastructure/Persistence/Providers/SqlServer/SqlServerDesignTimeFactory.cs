using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>Lets `dotnet ef` build this context without a server: adding a migration or scripting it never connects.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWellbeingDbContext>
{
    public SqlServerWellbeingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerWellbeingDbContext>();
        SqlServerProvider.Configure(options, "Server=localhost;Database=Wellbeing;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerWellbeingDbContext(options.Options);
    }
}
