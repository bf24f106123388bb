using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>What a mail provider or a person sends to an unsubscribe link (<see cref="UnsubscribeLinks"/>), and what it left.</summary>
public static class UnsubscribeRequests
{
    /// <summary>RFC 8058 one-click, as a mail provider sends it: a POST with no cookies at all and the one-click body.</summary>
    public static Task<HttpResponseMessage> OneClickAsync(WellbeingAppFactory factory, string path) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    public static async Task<string> BodyAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static Task<DateTimeOffset?> UsedAtAsync(WellbeingAppFactory factory, Guid messageId) =>
        factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == messageId).Select(m => m.UnsubscribeLinkUsedAt).SingleAsync());
}
