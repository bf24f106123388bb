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
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
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
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (await DatabaseLock.AcquireAsync(context.Database, settings.Provider, cancellationToken))
        {
            // Read under the lock: a node that waited finds what the one before it applied.
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await context.Database.MigrateAsync(cancellationToken);
            LogMigrated(settings.Provider.ToString(), pending);

            // Members saved before the search key existed have it empty; the migration cannot fold in SQL, so fold here.
            var unkeyed = await context.Members.AsTracking().Where(m => m.SearchKey == string.Empty).ToListAsync(cancellationToken);
            unkeyed.ForEach(m => m.RefreshSearchKey());
            await context.SaveChangesAsync(cancellationToken);

            await EnsureRolesAsync();
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
