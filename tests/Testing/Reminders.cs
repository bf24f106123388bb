using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Jobs;

namespace Wellbeing.Testing;

/// <summary>The reminder job run as Hangfire runs it, and the outbox it writes.</summary>
public static class Reminders
{
    public static async Task RunReminderJobAsync(this WellbeingAppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WellbeingReminderJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>A member with a client account whose latest Wellbeing Index was at <paramref name="latest"/> (null: none yet).</summary>
    public static async Task<Guid> MemberWithAccountAsync(this HubScenario hub, DateTimeOffset? latest)
    {
        var id = (await hub.AddMembersAsync(null, 1, _ => latest is null ? [] : [40], latest))[0];
        await hub.OpenClientAccountAsync(id);
        return id;
    }

    /// <summary>The member's recorded messages, in the order they may go.</summary>
    public static Task<List<OutboxMessage>> OutboxOfAsync(this WellbeingAppFactory factory, Guid memberId) =>
        factory.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MemberId == memberId).OrderBy(m => m.NotBefore).ThenBy(m => m.Kind).ToListAsync());
}
