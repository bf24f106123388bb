using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres;

public static class PostgresProvider
{
    /// <summary>Shared by the application and the design-time factory so migrations see the options the app runs with.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresProvider).Assembly.FullName));
}
