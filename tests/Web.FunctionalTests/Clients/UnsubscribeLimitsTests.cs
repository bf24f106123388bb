using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using static Wellbeing.Testing.UnsubscribeLinks;
using static Wellbeing.Web.FunctionalTests.Support.UnsubscribeRequests;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>An unsubscribe link expires, and the endpoint is throttled per client address: one app per test.</summary>
public sealed class UnsubscribeLimitsTests : IDisposable
{
    private const int Burst = 3;
    private const int LinkDays = 60;

    private readonly FakeTimeProvider _clock = AppClock.StartingNow();
    private readonly WellbeingAppFactory _factory;

    public UnsubscribeLimitsTests()
    {
        _factory = new WellbeingAppFactory
        {
            Clock = _clock,
            Settings =
            {
                ["Unsubscribe:Throttle:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
                ["Unsubscribe:Throttle:SecondsPerAttempt"] = "600",
                ["Email:UnsubscribeLinkDays"] = LinkDays.ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    [Fact]
    public async Task ExpiredLink_ShowsAPage_AndChangesNothing()
    {
        var email = DemoHub.Client(17);
        var (path, messageId) = await IssueAsync(_factory, email, MessageKind.WellbeingReminder);
        _clock.Advance(TimeSpan.FromDays(LinkDays) + TimeSpan.FromMinutes(1));

        var response = await OneClickAsync(_factory, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This unsubscribe link does not work: it has expired", await BodyAsync(response));
        Assert.True(await _factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.Null(await UsedAtAsync(_factory, messageId));
    }

    [Fact]
    public async Task RequestsBeyondTheBurst_Get429WithRetryAfter_AndChangeNothing()
    {
        var email = DemoHub.Client(18);
        var (path, messageId) = await IssueAsync(_factory, email, MessageKind.AllianceInvitation);
        var broken = path[..^4] + "AAAA";
        for (var attempt = 0; attempt < Burst; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await OneClickAsync(_factory, broken)).StatusCode);
        }

        var over = await OneClickAsync(_factory, path);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.InRange(over.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
        Assert.True(await _factory.ReceivesEmailsAsync(email, EmailTopic.AllianceSurvey));
        Assert.Null(await UsedAtAsync(_factory, messageId));
    }

    public void Dispose() => _factory.Dispose();
}
