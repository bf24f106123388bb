using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// Unsubscribe links as an e-mail would carry them: an outbox message recorded for a demo client, and the token the
/// app's own <see cref="IUnsubscribeTokens"/> issues for it; and the requests a mail provider or a person sends to them.
/// </summary>
public static class UnsubscribeLinks
{
    private static int _dueDays;

    /// <summary>The path of a new message's unsubscribe link, and the message's id.</summary>
    public static async Task<(string Path, Guid MessageId)> IssueAsync(WellbeingAppFactory factory, string email, MessageKind kind)
    {
        var member = await factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == email));
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
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

    /// <summary>RFC 8058 one-click, as a mail provider sends it: a POST with no cookies at all and the one-click body.</summary>
    public static Task<HttpResponseMessage> OneClickAsync(WellbeingAppFactory factory, string path) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    public static async Task<string> BodyAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static Task<DateTimeOffset?> UsedAtAsync(WellbeingAppFactory factory, Guid messageId) =>
        factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == messageId).Select(m => m.UnsubscribeLinkUsedAt).SingleAsync());
}
