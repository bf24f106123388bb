using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Wellbeing.Domain.Accounts;
using Wellbeing.Infrastructure.Persistence.Providers;

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
    /// <exception cref="InvalidOperationException">Another migration history made the database (<see cref="RefuseForeignHistoryAsync"/>).</exception>
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
    /// <exception cref="InvalidOperationException">Another migration history made the database.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);
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
    /// Refuses a database whose migration history this build does not share: it names migrations this build lacks and
    /// none of this build's first one, so another lineage made it (a development database from before the squash of
    /// 2026-11-30, ADR 0005). Migrating it would fail half-way with "table already exists". A database that has every
    /// migration of this build and newer ones besides was migrated by a newer release: history is append-only, so this
    /// build still knows its tables, and during a rolling upgrade or a rollback its nodes keep serving (a Warning says so).
    /// </summary>
    private async Task RefuseForeignHistoryAsync(CancellationToken cancellationToken)
    {
        var known = context.Database.GetMigrations().ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        if (known.All(applied.Contains))
        {
            LogNewerHistory(settings.Provider.ToString(), unknown.Count, unknown[^1]);
            return;
        }

        var remedy = settings.Provider == DatabaseProvider.Sqlite
            ? "A development database from before the migration history was squashed (docs/decisions/0005) is simply " +
              "deleted: remove src/Web/App_Data/wellbeing.db* (or the configured file) and start again."
            : "Point the app at the database this release was installed on, or at a new, empty database.";
        throw new InvalidOperationException(
            $"The {settings.Provider} database records {unknown.Count} migration(s) that are not in this build's history " +
            $"(the first: {unknown[0]}), so another migration history made it. {remedy}");
    }

    /// <summary>
    /// EF Core's own migrating creates a missing database; the lock needs a connection first, so create it here (a
    /// server database named in the connection string but not yet made, as a fresh installation has).
    /// </summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException) when (creator.Exists())
        {
            // Another node created it in the meantime: what this one wanted.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} database has {Newer} migration(s) newer than this build (the newest: {Newest}): fine while a newer release rolls out or back, not for long")]
    private partial void LogNewerHistory(string provider, int newer, string newest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Role} created")]
    private partial void LogRoleCreated(string role);
}
