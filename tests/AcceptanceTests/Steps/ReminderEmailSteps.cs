using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Testing;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>
/// A member of a hub of its own on an app whose clock the steps move an hour at a time, running the two hourly jobs
/// (recording reminders, sending the outbox) as Hangfire would, with the app's e-mail going to a real SMTP server on
/// loopback. Each message is stamped with the app's time when the server received it.
/// </summary>
public sealed class ReminderEmailSteps : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly WellbeingAppFactory _app;
    private readonly List<(DateTimeOffset At, MimeMessage Message)> _delivered = [];
    private HubScenario? _hub;
    private string _timeZone = "UTC";
    private Guid _memberId;
    private string _email = string.Empty;
    private DateTimeOffset _dueAt;

    public ReminderEmailSteps()
    {
        _app = new WellbeingAppFactory { Clock = _clock, DemoDataEnabled = false }.WithSmtp(_smtp);
    }

    private HubScenario Hub => _hub ?? throw new InvalidOperationException("An earlier step should have set up the member.");

    [Given("""^a member of a hub in "([^"]*)" whose latest Wellbeing Index was filled in at (\d\d):(\d\d), 14 days before tomorrow$""")]
    public async Task MemberDueTomorrow(string timeZone, int hour, int minute)
    {
        _timeZone = timeZone;
        var tomorrow = LocalCalendar.DateOf(_clock.GetUtcNow(), timeZone).AddDays(1);
        _dueAt = LocalCalendar.At(tomorrow, new TimeOnly(hour, minute), timeZone);
        _hub = await HubScenario.CreateAsync(_app, "Reminders");
        await _app.QueryAsync(db => db.Hubs.Where(h => h.Id == Hub.HubId).ExecuteUpdateAsync(h => h.SetProperty(x => x.TimeZoneId, timeZone)));
        _memberId = (await Hub.AddMembersAsync(null, 1, _ => [60], LocalCalendar.AddDays(_dueAt, -14, timeZone)))[0];
        _email = await Hub.OpenClientAccountAsync(_memberId);
    }

    [Given(@"^it is (\d\d):00 in the hub$")]
    public void ItIs(int hour)
    {
        var at = LocalCalendar.At(LocalCalendar.DateOf(_clock.GetUtcNow(), _timeZone), new TimeOnly(hour, 0), _timeZone);
        _clock.SetUtcNow(at > _clock.GetUtcNow() ? at : LocalCalendar.AddDays(at, 1, _timeZone));
    }

    [When(@"^the reminder and e-mail jobs run every hour for (\d+) days?$")]
    public async Task JobsRunHourly(int days)
    {
        var until = LocalCalendar.AddDays(_clock.GetUtcNow(), days, _timeZone);
        while (_clock.GetUtcNow() < until)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            using var scope = _app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<WellbeingReminderJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
            foreach (var message in _smtp.Received.Skip(_delivered.Count))
            {
                _delivered.Add((_clock.GetUtcNow(), message));
            }
        }
    }

    [When("^the member fills in the Wellbeing Index$")]
    public Task FillsIn() => Hub.SubmitAsync(_memberId, 72);

    [Then("""^the member has received 1 e-mail: "([^"]*)"$""")]
    public void ReceivedOne(string subject)
    {
        var (_, message) = Assert.Single(ToMember());
        Assert.StartsWith(subject, message.Subject, StringComparison.Ordinal);
    }

    [Then(@"^it arrived at 08:00 in the hub, the morning after the index fell due$")]
    public void ArrivedNextMorning()
    {
        var (at, _) = Assert.Single(ToMember());
        Assert.Equal(LocalCalendar.At(LocalCalendar.DateOf(_dueAt, _timeZone).AddDays(1), new TimeOnly(8, 0), _timeZone), at);
    }

    [Then("""^the member has received 2 e-mails: "([^"]*)" and (\d+) days later "([^"]*)"$""")]
    public void ReceivedReminderAndFollowUp(string first, int days, string second)
    {
        var received = ToMember();
        Assert.Equal(2, received.Count);
        Assert.StartsWith(first, received[0].Message.Subject, StringComparison.Ordinal);
        Assert.StartsWith(second, received[1].Message.Subject, StringComparison.Ordinal);
        Assert.Equal(LocalCalendar.AddDays(received[0].At, days, _timeZone), received[1].At);
    }

    [Then(@"^every e-mail arrived between (\d\d):00 and (\d\d):00 in the hub and links to the Wellbeing Index$")]
    public void InSendingHours(int opens, int closes)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_timeZone);
        Assert.All(_delivered, delivered =>
        {
            Assert.InRange(TimeZoneInfo.ConvertTime(delivered.At, zone).Hour, opens, closes - 1);
            Assert.Contains(new Uri(WellbeingAppFactory.PublicBaseUrl, "/wellbeing").AbsoluteUri, delivered.Message.TextBody, StringComparison.Ordinal);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private List<(DateTimeOffset At, MimeMessage Message)> ToMember() =>
        _delivered.Where(d => d.Message.To.Mailboxes.Any(m => m.Address == _email)).ToList();
}
