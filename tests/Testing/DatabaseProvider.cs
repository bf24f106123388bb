namespace Wellbeing.Testing;

/// <summary>Values of the app's <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
