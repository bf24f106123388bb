using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>Sessions between a client and a professional, and the alliance surveys their end opens.</summary>
public sealed class SessionSteps(ScenarioContext context, WellbeingAppFactory app)
{
    private Guid _memberId;
    private Guid _professionalId;
    private int[] _invited = [];

    private IPage Page => context.Get<IPage>(nameof(IPage));

    [Given("""^the "([^"]*)" hub asks for an alliance survey (after every session|every 2nd session|every 3rd session), open for (\d+) days$""")]
    public Task HubCadence(string slug, string cadence, int days) => app.ChangeAsync(async db =>
    {
        var hub = await db.Hubs.AsTracking().SingleAsync(h => h.Slug == slug);
        var every = cadence switch
        {
            "after every session" => AllianceCadence.EverySession,
            "every 2nd session" => AllianceCadence.EverySecondSession,
            _ => AllianceCadence.EveryThirdSession,
        };
        hub.ChangeSettings(hub.Settings.WithCadences(hub.Settings.ReminderCadenceDays, every, days));
    });

    [Given("""^"([^"]*)" has a new client "([^"]*)" with no sessions yet$""")]
    public Task NewClient(string professionalEmail, string email) => app.ChangeAsync(async db =>
    {
        var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
        var hubId = professional.Hubs.First().HubId;
        var member = new Member(hubId, "Nova Newcomer", email, DateTimeOffset.UtcNow);
        db.Members.Add(member);
        db.ClientConnections.Add(new ClientConnection(hubId, member.Id, professional.Id, DateTimeOffset.UtcNow));
        (_memberId, _professionalId) = (member.Id, professional.Id);
    });

    [When("""^they schedule and end (\d+) sessions with "([^"]*)"$""")]
    public async Task ScheduleAndEnd(int count, string email)
    {
        await Page.GotoAsync($"/clients/{_memberId}");
        for (var n = 1; n <= count; n++)
        {
            // Yesterday's sessions have started, so they can be marked as ended (not earlier than 15 minutes before).
            await Page.GetByLabel("Date").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Page.GetByLabel("Start time").FillAsync($"{8 + n:00}:00");
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Schedule" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Mark session {n} as ended" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Mark session {n} as ended" }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        }

        await Chromium.SaveScreenshotAsync(Page, "client-profile-sessions");
    }

    [Then("^the sessions that opened an alliance survey are (.+)$")]
    public async Task Invited(string numbers)
    {
        _invited = numbers.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        var opened = await app.QueryAsync(db => db.CareSessions
            .Where(s => s.MemberId == _memberId && s.ProfessionalId == _professionalId && s.InvitationOpenedAt != null)
            .OrderBy(s => s.SequenceNumber).Select(s => s.SequenceNumber).ToListAsync());
        Assert.Equal(_invited, opened);
    }

    [Then(@"^each survey stays open for (\d+) days$")]
    public async Task OpenFor(int days)
    {
        var sessions = await app.QueryAsync(db => db.CareSessions.Where(s => s.MemberId == _memberId && s.InvitationOpenedAt != null).ToListAsync());
        Assert.All(sessions, s => Assert.Equal(s.EndedAt!.Value.AddDays(days), s.InvitationExpiresAt));
    }

    [Then("^the profile says which sessions sent a survey$")]
    public async Task ProfileSays()
    {
        var rows = Page.Locator("table.sessions tbody tr");
        foreach (var row in await rows.AllAsync())
        {
            var number = int.Parse(await row.Locator("td").First.InnerTextAsync(), CultureInfo.InvariantCulture);
            var text = await row.InnerTextAsync();
            Assert.Contains(_invited.Contains(number) ? "Alliance survey sent" : "No alliance survey this time", text);
        }
    }
}
