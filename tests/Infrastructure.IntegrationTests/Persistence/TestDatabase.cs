using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>A migrated, empty database of one provider, shared by the tests of one class.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>Each call is a fresh context, as each request or job gets in the application.</summary>
    /// <param name="interceptors">EF Core interceptors for this context only, e.g. to run another save at a chosen moment.</param>
    public abstract WellbeingDbContext CreateContext(params IInterceptor[] interceptors);

    /// <summary>Whether each test makes and drops its own database (see <see cref="DatabaseTests{TDatabase}"/>) rather than sharing one per class.</summary>
    public virtual bool OwnedByEachTest => false;

    public virtual async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
