using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wellbeing.Infrastructure.Persistence.Providers;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// The database settings, read and checked once (<see cref="DependencyInjection.AddInfrastructure"/>) and shared
/// through the container, so the context, the job storage and the start-up all see the same provider.
/// </summary>
/// <param name="Provider"><c>Database:Provider</c>; <see cref="DatabaseProvider.Sqlite"/> when unset.</param>
/// <param name="ConnectionString"><c>ConnectionStrings:Wellbeing</c>; required for the server providers, optional for SQLite.</param>
/// <param name="MigrateAtStartup">
/// <c>Database:MigrateAtStartup</c>: whether each start applies pending migrations (under a database-wide lock).
/// Defaults to true on SQLite, whose one embedded file has one node, and false on the server providers, where
/// migrating is a deployment step (README, "Production").
/// </param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string? ConnectionString, bool MigrateAtStartup)
{
    /// <summary>Reads the settings.</summary>
    /// <exception cref="InvalidOperationException">
    /// An unknown provider or a MigrateAtStartup that is not true/false (naming the setting and the values it takes), or a
    /// server provider without a connection string.
    /// </exception>
    public static DatabaseSettings Read(IConfiguration configuration)
    {
        var provider = ParseProvider(configuration[DependencyInjection.ProviderSetting]);
        var connectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName);
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"{provider} needs ConnectionStrings:{DependencyInjection.ConnectionStringName}.");
        }

        var migrate = configuration[DependencyInjection.MigrateAtStartupSetting];
        return new DatabaseSettings(provider, connectionString, migrate switch
        {
            null or "" => provider == DatabaseProvider.Sqlite,
            _ when bool.TryParse(migrate, out var value) => value,
            _ => throw new InvalidOperationException($"{DependencyInjection.MigrateAtStartupSetting} is \"{migrate}\"; use true or false."),
        });
    }

    /// <summary>
    /// Outside Development, checks that the provider and the connection string are both given rather than left to the
    /// embedded default: a deployed node that forgot them would otherwise run on an SQLite file inside its own folder
    /// with background jobs in memory (data lost with the next deployment, each node on a database of its own).
    /// Development keeps the embedded default; the test host always names its database.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside Development, either setting is missing or blank; the message names both.</exception>
    public static void RequireExplicitOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()
            && (string.IsNullOrWhiteSpace(configuration[DependencyInjection.ProviderSetting])
                || string.IsNullOrWhiteSpace(configuration.GetConnectionString(DependencyInjection.ConnectionStringName))))
        {
            throw new InvalidOperationException(
                $"Set {DependencyInjection.ProviderSetting} ({string.Join(", ", Enum.GetNames<DatabaseProvider>())}) and " +
                $"ConnectionStrings:{DependencyInjection.ConnectionStringName} (environment variables Database__Provider and " +
                $"ConnectionStrings__{DependencyInjection.ConnectionStringName}): outside Development the app does not fall back " +
                "to an SQLite file in its own folder with background jobs in memory.");
        }
    }

    // By name only: Enum.TryParse would also take "1" or "Sqlite, Postgres".
    private static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (provider.ToString().Equals(value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new InvalidOperationException(
            $"{DependencyInjection.ProviderSetting} is \"{value}\"; allowed values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())} (Sqlite when unset).");
    }
}
