using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Testing;

/// <summary>
/// Unsubscribe links as an e-mail would carry them: an outbox message recorded for a demo client, and the token the
/// app's own <see cref="IUnsubscribeTokens"/> issues for it.
/// </summary>
public static class UnsubscribeLinks
{
    private static int _dueDays;

    /// <summary>The path of a new message's unsubscribe link, and the message's id.</summary>
    public static async Task<(string Path, Guid MessageId)> IssueAsync(WellbeingAppFactory factory, string email, MessageKind kind)
    {
        var member = await factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == email));
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Each Wellbeing Index message names its own due date, so that one client can have several (they are unique).
        var message = EmailTopics.Of(kind) == EmailTopic.AllianceSurvey
            ? new OutboxMessage(member.HubId, member.Id, kind, null, Guid.NewGuid(), now, now)
            : new OutboxMessage(member.HubId, member.Id, kind, DateOnly.FromDateTime(now.UtcDateTime).AddDays(Interlocked.Increment(ref _dueDays)), null, now, now);
        await factory.ChangeAsync(db =>
        {
            db.OutboxMessages.Add(message);
            return Task.CompletedTask;
        });
        return ($"/unsubscribe/{factory.Services.GetRequiredService<IUnsubscribeTokens>().Issue(message)}", message.Id);
    }
}
