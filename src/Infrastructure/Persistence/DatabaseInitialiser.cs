using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wellbeing.Domain.Accounts;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// Brings the database to what this build needs: its migrations and every role. On the server providers this is a
/// deployment step (the <c>migrate</c> command) unless <see cref="DatabaseSettings.MigrateAtStartup"/> says otherwise;
/// either way it runs under <see cref="DatabaseLock"/>, one node at a time.
/// </summary>
internal sealed partial class DatabaseInitialiser(
    WellbeingDbContext context,
    RoleManager<IdentityRole> roles,
    DatabaseSettings settings,
    ILogger<DatabaseInitialiser> logger)
{
    /// <summary>Start-up: migrates when the settings say so; otherwise refuses a database that is behind.</summary>
    /// <exception cref="InvalidOperationException">Migrations are pending and the start-up is not to apply them: the message says how to.</exception>
    /// <exception cref="InvalidOperationException">The database records a migration this build does not have (<see cref="RefuseForeignHistoryAsync"/>).</exception>
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await RefuseForeignHistoryAsync(cancellationToken);
        if (settings.MigrateAtStartup)
        {
            await MigrateAsync(cancellationToken);
            return;
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {settings.Provider} database lacks {pending.Count} migration(s) of this build (the newest: {pending[^1]}) and " +
                $"{DependencyInjection.MigrateAtStartupSetting} is false. Migrate it before starting the app: run the app once with the " +
                "'migrate' command (`dotnet Wellbeing.Web.dll migrate`, or `dotnet run --project src/Web -- migrate` from the sources), " +
                "or apply the migration bundle or the idempotent SQL script (README, \"Production\").");
        }

        // Roles are rows, not schema, so a database migrated by the bundle or the script has none yet.
        await using (await DatabaseLock.AcquireAsync(context.Database, settings.Provider, cancellationToken))
        {
            await EnsureRolesAsync();
        }
    }

    /// <summary>Applies pending migrations and creates missing roles; idempotent, and safe on several nodes at once.</summary>
    /// <exception cref="InvalidOperationException">The database records a migration this build does not have.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await RefuseForeignHistoryAsync(cancellationToken);
        await using (await DatabaseLock.AcquireAsync(context.Database, settings.Provider, cancellationToken))
        {
            // Read under the lock: a node that waited finds what the one before it applied.
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await context.Database.MigrateAsync(cancellationToken);
            LogMigrated(settings.Provider.ToString(), pending);

            await EnsureRolesAsync();
        }
    }

    /// <summary>
    /// Refuses a database whose migration history names a migration this build lacks: it was made by a newer build, or
    /// by the history from before the squash of 2026-11-30 (ADR 0005). Migrating it would fail half-way with "table
    /// already exists", and serving it would read a schema this build does not know.
    /// </summary>
    private async Task RefuseForeignHistoryAsync(CancellationToken cancellationToken)
    {
        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var foreign = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {settings.Provider} database records {foreign.Count} migration(s) this build does not have (the first: {foreign[0]}), " +
                "so another build made it. Run the build that made it; a development database from before the migration " +
                "history was squashed (docs/decisions/0005) is simply deleted: remove src/Web/App_Data/wellbeing.db* and start again.");
        }
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }

                LogRoleCreated(role);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} database migrated: {Applied} migration(s) applied")]
    private partial void LogMigrated(string provider, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} created")]
    private partial void LogRoleCreated(string role);
}
