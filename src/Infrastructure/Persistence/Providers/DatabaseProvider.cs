namespace Wellbeing.Infrastructure.Persistence.Providers;

/// <summary>
/// The database engines the app runs on: the values of the <c>Database:Provider</c> setting, matched by name
/// ignoring case (<see cref="DatabaseSettings.Read"/>). Each has its own context and migrations (ADR 0005).
/// </summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file beside the app, one node.</summary>
    Sqlite,
    SqlServer,
    Postgres,
}
