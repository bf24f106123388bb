using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres;

/// <summary>Lets `dotnet ef` build this context without a server: adding a migration or scripting it never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWellbeingDbContext>
{
    public PostgresWellbeingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresWellbeingDbContext>();
        PostgresProvider.Configure(options, "Host=localhost;Database=wellbeing;Username=wellbeing");
        return new PostgresWellbeingDbContext(options.Options);
    }
}
