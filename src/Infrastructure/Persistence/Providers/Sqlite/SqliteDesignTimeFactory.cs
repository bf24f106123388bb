using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>Lets `dotnet ef` build this context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWellbeingDbContext>
{
    public SqliteWellbeingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteWellbeingDbContext>();
        SqliteProvider.Configure(options, "Data Source=design-time.db");
        return new SqliteWellbeingDbContext(options.Options);
    }
}
