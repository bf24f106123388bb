using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// The EF Core warnings that mean a fault in our own queries or migrations, not a condition of the moment. Elsewhere
/// they are only logged (Warning); the test host (the Testing environment) and the tests' own contexts make them
/// exceptions, so a query or a migration that brings one back fails the test that runs it.
/// </summary>
public static class EfWarnings
{
    /// <summary>
    /// <list type="bullet">
    /// <item>10102, Skip/Take without OrderBy: the database may return any rows, so pages overlap or skip rows.</item>
    /// <item>20504, several collections loaded in one query without choosing split or single query: the rows multiply
    /// (one per combination of the collections' rows).</item>
    /// <item>20410, a migration with an operation that cannot run in its transaction (SQLite's table rebuild sets
    /// <c>PRAGMA foreign_keys</c>, which only works outside one): a failure part way leaves the schema half changed.</item>
    /// </list>
    /// </summary>
    public static readonly IReadOnlyList<EventId> Faults =
    [
        CoreEventId.RowLimitingOperationWithoutOrderByWarning,
        RelationalEventId.MultipleCollectionIncludeWarning,
        RelationalEventId.NonTransactionalMigrationOperationWarning,
    ];

    /// <summary>Makes <see cref="Faults"/> throw <see cref="InvalidOperationException"/> where they would be logged.</summary>
    public static DbContextOptionsBuilder ThrowOnFaults(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Throw([.. Faults]));

    /// <summary>
    /// <see cref="ThrowOnFaults(DbContextOptionsBuilder)"/> for the application's context, whichever provider
    /// <see cref="DependencyInjection.AddInfrastructure"/> registered (the others' configuration is never asked for).
    /// </summary>
    public static IServiceCollection ThrowOnEfFaults(this IServiceCollection services) => services
        .ConfigureDbContext<SqliteWellbeingDbContext>(options => options.ThrowOnFaults())
        .ConfigureDbContext<SqlServerWellbeingDbContext>(options => options.ThrowOnFaults())
        .ConfigureDbContext<PostgresWellbeingDbContext>(options => options.ThrowOnFaults());
}
