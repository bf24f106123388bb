namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Tests that run against each provider's database. A database the test class owns for itself
/// (<see cref="TestDatabase.OwnedByEachTest"/>) is migrated before and dropped after every test here; a class fixture's
/// is migrated once by xunit.
/// </summary>
public abstract class DatabaseTests<TDatabase>(TDatabase database) : IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    public Task InitializeAsync() => Database.OwnedByEachTest ? Database.InitializeAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Database.OwnedByEachTest ? Database.DisposeAsync() : Task.CompletedTask;
}
