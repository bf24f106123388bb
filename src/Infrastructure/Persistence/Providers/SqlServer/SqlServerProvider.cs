using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

public static class SqlServerProvider
{
    /// <summary>Shared by the application and the design-time factory so migrations see the options the app runs with.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(typeof(SqlServerProvider).Assembly.FullName));
}
