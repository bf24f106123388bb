using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>An administrator creates a hub and edits it; published figures keep the protection they were made with.</summary>
public sealed partial class HubsAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewPage = "/admin/hubs/new";
    private const string Create = "/admin/hubs";

    [Fact]
    public async Task Creating_WithEverySetting_StoresTheHub_AndListsIt()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fields = Form("Contoso Care", "contoso-care", ("TimeZoneId", "America/New_York"), ("K", "6"), ("KDistribution", "11"),
            ("ReportingPeriod", "Quarter"), ("ReminderCadenceDays", "21"), ("WellbeingFollowUpDays", "4"), ("SendingHoursStart", "09:00"),
            ("SendingHoursEnd", "18:30"), ("AllianceCadence", "EverySecondSession"), ("InvitationExpiryDays", "5"), ("AllianceReminderAfterDays", "3"),
            ("PoorUpTo", "30"), ("ModerateUpTo", "55"), ("TrendThreshold", "12"), ("AllianceLowThreshold", "4.5"), ("AllianceDropThreshold", "0.75"),
            ("LowParticipationPercent", "45"));

        var response = await admin.SubmitFormAsync(NewPage, Create, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hub = await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Slug == "contoso-care"));
        Assert.Equal($"/admin/hubs/{hub.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Contoso Care", "Contoso Care Inc.", "America/New_York"), (hub.Name, hub.Organisation, hub.TimeZoneId));
        var s = hub.Settings;
        Assert.Equal((6, 11, ReportingPeriodLength.Quarter, 21, 4), (s.K, s.KDistribution, s.ReportingPeriod, s.ReminderCadenceDays, s.WellbeingFollowUpDays));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 30), AllianceCadence.EverySecondSession, 5, 3), (s.SendingHoursStart, s.SendingHoursEnd, s.AllianceCadence, s.InvitationExpiryDays, s.AllianceReminderAfterDays));
        Assert.Equal((30, 55, 12, 4.5m, 0.75m, 45), (s.PoorUpTo, s.ModerateUpTo, s.TrendThreshold, s.AllianceLowThreshold, s.AllianceDropThreshold, s.LowParticipationPercent));
        var (_, list) = await admin.GetAsync("/admin");
        Assert.Matches($"<a href=\"/admin/hubs/{hub.Id}\">Contoso Care</a></th><td>Contoso Care Inc.</td><td>contoso-care</td>", list);
        var created = Assert.Single(await app.Factory.OfAsync(AuditAction.HubCreated), e => e.HubId == hub.Id);
        Assert.Equal((await app.Factory.AccountIdAsync(DemoHub.Administrator), hub.Id.ToString()), (created.UserId, created.ObjectId));
    }

    [Fact]
    public async Task TheSameFormSentTwice_CreatesOneHub()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        List<KeyValuePair<string, string>> form = [.. await admin.HiddenFieldsAsync(NewPage, Create), .. Form("Twice", "twice")];

        var first = await admin.Http.PostAsync(Create, new FormUrlEncodedContent(form));
        var second = await admin.Http.PostAsync(Create, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == "twice")));
    }

    [Fact]
    public async Task TheFormSentAgainAfterEditing_LandsOnTheHubItCreated_SayingTheEditWasNotSaved()
    {
        // Back after creating, change the name, send again: the form's id is the hub's, so nothing new is created.
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var hidden = await admin.HiddenFieldsAsync(NewPage, Create);
        var first = await admin.Http.PostAsync(Create, new FormUrlEncodedContent([.. hidden, .. Form("Resent", "resent")]));
        var (_, created) = await admin.GetAsync(first.Headers.Location!.OriginalString);

        var second = await admin.Http.PostAsync(Create, new FormUrlEncodedContent([.. hidden, .. Form("Resent and renamed", "resent")]));
        var (_, landed) = await admin.GetAsync(second.Headers.Location!.OriginalString);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Contains("The hub was created.", created);
        Assert.Contains("This form had already created the hub", landed);
        Assert.DoesNotContain("The hub was created.", landed);
        Assert.Equal("Resent", await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Slug == "resent").Select(h => h.Name).SingleAsync()));
    }

    [Fact]
    public async Task KBelowThree_AndKDistBelowK_AreRefusedBesideTheirFields_KeepingWhatWasTyped()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var low = await BodyAsync(await admin.SubmitFormAsync(NewPage, Create, Form("Too small", "too-small", ("K", "2"))), HttpStatusCode.BadRequest);
        var distribution = await BodyAsync(await admin.SubmitFormAsync(NewPage, Create, Form("Too small", "too-small", ("K", "8"), ("KDistribution", "7"))), HttpStatusCode.BadRequest);

        Assert.Matches(FieldError("K", "The minimum group size k cannot be below 3."), low);
        Assert.Matches(InputValue("K", "2"), low);
        Assert.Matches(InputValue("Name", "Too small"), low);
        Assert.Matches(FieldError("KDistribution", "The minimum group for distributions cannot be smaller than k."), distribution);
        Assert.Matches(InputValue("KDistribution", "7"), distribution);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == "too-small")));
    }

    [Fact]
    public async Task KOrKDistAboveTheirRange_AreRefusedBesideTheirFields_KeepingWhatWasTyped()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var scenario = await HubScenario.CreateAsync(app.Factory, "Bounded");
        var page = $"/admin/hubs/{scenario.HubId}";
        var slug = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == scenario.HubId).Select(h => h.Slug).SingleAsync());

        var k = await BodyAsync(await admin.SubmitFormAsync(NewPage, Create, Form("Too large", "too-large", ("K", "50"), ("KDistribution", "50"))), HttpStatusCode.BadRequest);
        var distribution = await BodyAsync(await admin.SubmitFormAsync(page, page, Form("Bounded", slug, ("TimeZoneId", "UTC"), ("KDistribution", "41"))), HttpStatusCode.BadRequest);

        Assert.Matches(FieldError("K", "The minimum group size k can be at most 20: a larger k hides nearly every figure."), k);
        Assert.Matches(InputValue("K", "50"), k);
        Assert.Matches(FieldError("KDistribution", "The minimum group for distributions can be at most 40: a larger one hides nearly every distribution."), distribution);
        Assert.Matches(InputValue("KDistribution", "41"), distribution);
        Assert.Matches("<input[^>]*id=\"Form_K\"[^>]*max=\"20\"", distribution);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == "too-large")));
        var settings = (await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId))).Settings;
        Assert.Equal((5, 10), (settings.K, settings.KDistribution));
    }

    [Fact]
    public async Task TwoAdministratorsSavingTheSameForm_TheSecondGets409WithTheirInputKept_AndSavesOnlyWhenTheySendItAgain()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Shared");
        var page = $"/admin/hubs/{scenario.HubId}";
        var slug = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == scenario.HubId).Select(h => h.Slug).SingleAsync());
        var first = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var second = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var secondsForm = await second.HiddenFieldsAsync(page, page);

        var saved = await first.SubmitFormAsync(page, page, Form("Shared", slug, ("TimeZoneId", "UTC"), ("K", "7"), ("KDistribution", "14")));
        var late = await second.Http.PostAsync(page, new FormUrlEncodedContent([.. secondsForm, .. Form("Shared by two", slug, ("TimeZoneId", "UTC"), ("K", "6"))]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var conflict = await BodyAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("This hub was changed after you opened the form", conflict);
        Assert.Matches(InputValue("Name", "Shared by two"), conflict);
        Assert.Matches(InputValue("K", "6"), conflict);
        var hub = await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        Assert.Equal(("Shared", 7, 14), (hub.Name, hub.Settings.K, hub.Settings.KDistribution));

        // The page drawn with the conflict names the version saved meanwhile: sending it again is a deliberate choice.
        var redrawn = Form("Shared by two", slug, ("TimeZoneId", "UTC"), ("K", "6"));
        redrawn["Form.Version"] = VersionIn(conflict);
        redrawn[Antiforgery.FieldName] = Antiforgery.TokenOf(conflict);
        Assert.NotEqual(secondsForm.Single(f => f.Key == "Form.Version").Value, redrawn["Form.Version"]);
        var again = await second.Http.PostAsync(page, new FormUrlEncodedContent(redrawn));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        hub = await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        Assert.Equal(("Shared by two", 6, 10), (hub.Name, hub.Settings.K, hub.Settings.KDistribution));
    }

    [Fact]
    public async Task SavingTheForm_RecordsEachChangedSettingWithItsOldAndNewValue_ShownOnTheAuditPage()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Audited");
        var page = $"/admin/hubs/{scenario.HubId}";
        var slug = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == scenario.HubId).Select(h => h.Slug).SingleAsync());
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var changes = Form("Audited by Dr Who", slug, ("TimeZoneId", "UTC"), ("K", "7"), ("AllianceLowThreshold", "4.5"), ("SendingHoursEnd", "21:00"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, page, changes)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, page, changes)).StatusCode);

        const string Changed = "Name changed; Organisation changed; K 5 → 7; SendingHoursEnd 20:00 → 21:00; AllianceLowThreshold 4 → 4.5";
        var entries = (await app.Factory.OfAsync(AuditAction.HubSettingsChanged)).Where(e => e.HubId == scenario.HubId).ToList();
        Assert.Equal([Changed, "nothing changed"], entries.Select(e => e.Detail));
        var (_, audit) = await admin.GetAsync($"/admin/audit?hub={scenario.HubId}&action=HubSettingsChanged");
        Assert.Matches($"<td>{scenario.HubId}</td>\\s*<td>{Regex.Escape(Changed)}</td>", audit);
    }

    [Fact]
    public async Task SeveralBrokenFields_AreEachRefusedBesideTheirField_AtOnce()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var body = await BodyAsync(
            await admin.SubmitFormAsync(NewPage, Create, Form("Broken", DemoHub.Slug, ("TimeZoneId", "Europe/Atlantis"), ("K", "many"),
                ("ModerateUpTo", "20"), ("SendingHoursStart", "20:00"), ("SendingHoursEnd", "08:00"), ("AllianceReminderAfterDays", "7"))),
            HttpStatusCode.BadRequest);

        Assert.Matches("id=\"Form_K-error\"><span class=\"field-validation-error\"[^>]*>The value 'many' is not valid", body);
        Assert.Matches(InputValue("K", "many"), body);

        // The rules behind the number are checked once every number can be read.
        var rules = await BodyAsync(
            await admin.SubmitFormAsync(NewPage, Create, Form("Broken", "broken", ("TimeZoneId", "Europe/Atlantis"),
                ("ModerateUpTo", "20"), ("AllianceReminderAfterDays", "7"))),
            HttpStatusCode.BadRequest);
        Assert.Matches(FieldError("TimeZoneId", "Europe/Atlantis is not a time zone this server knows. Use an IANA name such as Europe/London."), rules);
        Assert.Matches(FieldError("ModerateUpTo", "Brackets must satisfy 0 <= Poor upper bound < Moderate upper bound < 100."), rules);
        Assert.Matches(FieldError("AllianceReminderAfterDays", "The alliance reminder must come at least a day before the invitation expires: 1 to 6 days after it."), rules);
        var taken = await BodyAsync(
            await admin.SubmitFormAsync(NewPage, Create, Form("Broken", DemoHub.Slug.ToUpperInvariant(), ("SendingHoursStart", "20:00"), ("SendingHoursEnd", "08:00"))),
            HttpStatusCode.BadRequest);
        Assert.Matches(FieldError("Slug", $"Another hub already uses the short name {DemoHub.Slug}."), taken);
        Assert.Matches(FieldError("SendingHoursEnd", "Sending hours must span at least an hour within one day (for example 08:00 to 20:00)."), taken);
        Assert.Matches(InputValue("SendingHoursEnd", "08:00"), taken);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Name == "Broken")));
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == DemoHub.Slug)));
    }

    [Fact]
    public async Task AfterPublication_LoweringKOrKDistOrShorteningThePeriod_IsRefusedWithTheReason_AndRaisingIsSaved()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Published");
        await scenario.AddMembersAsync("Sales", 6, i => [40 + (4 * i)]);
        await scenario.PublishAsync();
        Assert.True(await scenario.BlockCountAsync() > 0, "the scenario's closed months are published");
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = $"/admin/hubs/{scenario.HubId}";
        var slug = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == scenario.HubId).Select(h => h.Slug).SingleAsync());

        var (_, form) = await admin.GetAsync(page);
        Assert.Contains("can be raised but not lowered", form);
        var lowered = await BodyAsync(await admin.SubmitFormAsync(page, page, Form("Published", slug, ("TimeZoneId", "UTC"), ("K", "4"), ("KDistribution", "9"))), HttpStatusCode.BadRequest);
        Assert.Matches(FieldError("K", "k cannot go below 5 now that HR figures are published: a smaller group size would change what the published figures protect. It can be raised."), lowered);
        Assert.Matches(FieldError("KDistribution", "k_dist cannot go below 10 now that HR figures are published: smaller distributions would change what the published figures protect. It can be raised."), lowered);
        Assert.Matches(InputValue("K", "4"), lowered);

        var raised = await admin.SubmitFormAsync(page, page, Form("Published", slug, ("TimeZoneId", "UTC"), ("K", "7"), ("KDistribution", "12"), ("ReportingPeriod", "Quarter")));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        var shortened = await BodyAsync(await admin.SubmitFormAsync(page, page, Form("Published", slug, ("TimeZoneId", "UTC"), ("K", "7"), ("KDistribution", "12"), ("ReportingPeriod", "Month"))), HttpStatusCode.BadRequest);
        Assert.Matches(FieldError("ReportingPeriod", "The reporting period cannot be shortened now that HR figures are published per quarter: monthly figures beside them would change what the published figures protect."), shortened);
        var settings = (await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId))).Settings;
        Assert.Equal((7, 12, ReportingPeriodLength.Quarter), (settings.K, settings.KDistribution, settings.ReportingPeriod));
        var changes = (await app.Factory.OfAsync(AuditAction.HubSettingsChanged)).Where(e => e.HubId == scenario.HubId).ToList();
        Assert.Equal([AuditOutcome.Succeeded], changes.Select(e => e.Outcome));
    }

    [Fact]
    public async Task AfterPublication_ChangingTheTimeZone_IsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        // The published months were drawn in UTC; in Pacific/Kiritimati (UTC+14) the next month would start 14 hours
        // before the last published one ended, overlap it and never be published (westwards: hours counted nowhere).
        var scenario = await HubScenario.CreateAsync(app.Factory, "Zoned");
        await scenario.AddMembersAsync("Sales", 6, i => [40 + (4 * i)]);
        await scenario.PublishAsync();
        Assert.True(await scenario.BlockCountAsync() > 0, "the scenario's closed months are published");
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = $"/admin/hubs/{scenario.HubId}";
        var slug = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == scenario.HubId).Select(h => h.Slug).SingleAsync());

        var moved = await BodyAsync(await admin.SubmitFormAsync(page, page, Form("Zoned", slug, ("TimeZoneId", "Pacific/Kiritimati"))), HttpStatusCode.BadRequest);
        var same = await admin.SubmitFormAsync(page, page, Form("Zoned again", slug, ("TimeZoneId", "UTC")));

        Assert.Matches(FieldError("TimeZoneId", "The time zone cannot change now that HR figures are published: the published periods were drawn in UTC, and periods in another zone would overlap them or leave hours out."), moved);
        Assert.Matches(InputValue("TimeZoneId", "Pacific/Kiritimati"), moved);
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        var hub = await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        Assert.Equal(("Zoned again", "UTC"), (hub.Name, hub.TimeZoneId));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/usr/share/zoneinfo/UTC")]
    [InlineData("Local")]
    [InlineData("Pacific Standard Time")]
    public async Task AStrangeTimeZone_IsRefusedBesideTheField_NotA500(string zone)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var body = await BodyAsync(await admin.SubmitFormAsync(NewPage, Create, Form("Strange zone", "strange-zone", ("TimeZoneId", zone))), HttpStatusCode.BadRequest);

        var errors = string.Join(" | ", Regex.Matches(body, "class=\"field-validation-error\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value));
        Assert.True(Regex.IsMatch(body, "id=\"Form_TimeZoneId-error\"><span class=\"field-validation-error\""), errors);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == "strange-zone")));
    }

    [Fact]
    public async Task TheSameNewHubFormSentInParallel_CreatesOneHub_AndEveryCopyLandsOnIt()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        List<KeyValuePair<string, string>> form = [.. await admin.HiddenFieldsAsync(NewPage, Create), .. Form("Parallel", "parallel")];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.Http.PostAsync(Create, new FormUrlEncodedContent(form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Slug == "parallel")));
    }

    [Fact]
    public async Task TwoNewHubsRacingForOneShortName_TheLoserGetsTheFieldMessage_KeepingWhatWasTyped()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var forms = new List<List<KeyValuePair<string, string>>>();
        for (var i = 0; i < 6; i++)
        {
            forms.Add([.. await admin.HiddenFieldsAsync(NewPage, Create), .. Form($"Racer {i}", "racing-slug")]);
        }

        var responses = await Task.WhenAll(forms.Select(form => admin.Http.PostAsync(Create, new FormUrlEncodedContent(form))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            var body = await BodyAsync(refused, HttpStatusCode.BadRequest);
            Assert.Matches(FieldError("Slug", "Another hub already uses the short name racing-slug."), body);
            Assert.Matches(InputValue("Slug", "racing-slug"), body);
        }

        var winner = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Slug == "racing-slug").Select(h => h.Id).SingleAsync());
        var created = (await app.Factory.OfAsync(AuditAction.HubCreated)).Select(e => e.HubId).ToList();
        Assert.Single(created, id => id == winner);
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.Hubs.CountAsync(h => h.Name.StartsWith("Racer "))));
    }

    [Fact]
    public async Task BeforeAnyPublication_LoweringK_AndRenaming_AreSaved()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Unpublished");
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = $"/admin/hubs/{scenario.HubId}";

        var response = await admin.SubmitFormAsync(page, page, Form("Renamed", "renamed-unpublished", ("TimeZoneId", "Asia/Tokyo"), ("K", "3"), ("KDistribution", "3")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hub = await app.Factory.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        Assert.Equal(("Renamed", "renamed-unpublished", "Asia/Tokyo", 3, 3), (hub.Name, hub.Slug, hub.TimeZoneId, hub.Settings.K, hub.Settings.KDistribution));
        var (_, edited) = await admin.GetAsync(page);
        Assert.Contains("The changes were saved.", edited);
        Assert.Matches(InputValue("Organisation", "Renamed Inc."), edited);
    }

    [Fact]
    public async Task AHubThatDoesNotExist_IsNotFound()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = $"/admin/hubs/{Guid.NewGuid()}";

        var (status, _) = await admin.GetAsync(page);
        var post = await admin.PostFormAsync(NewPage, page, new(Form("Nobody", "nobody")));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    /// <summary>Every field of the hub form with the product's defaults, the organisation "{name} Inc.", and the changes given.</summary>
    private static Dictionary<string, string> Form(string name, string slug, params (string Field, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Organisation"] = $"{name} Inc.",
            ["Slug"] = slug,
            ["TimeZoneId"] = "Europe/London",
            ["K"] = "5",
            ["KDistribution"] = "10",
            ["ReportingPeriod"] = "Month",
            ["ReminderCadenceDays"] = "14",
            ["WellbeingFollowUpDays"] = "3",
            ["SendingHoursStart"] = "08:00",
            ["SendingHoursEnd"] = "20:00",
            ["AllianceCadence"] = "EverySession",
            ["InvitationExpiryDays"] = "7",
            ["AllianceReminderAfterDays"] = "2",
            ["PoorUpTo"] = "28",
            ["ModerateUpTo"] = "50",
            ["TrendThreshold"] = "10",
            ["AllianceLowThreshold"] = "4",
            ["AllianceDropThreshold"] = "1",
            ["LowParticipationPercent"] = "60",
        };
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        return fields.ToDictionary(f => $"Form.{f.Key}", f => f.Value);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The hub's version the form on <paramref name="page"/> was drawn with (its hidden field).</summary>
    private static string VersionIn(string page) =>
        Regex.Match(page, "<input[^>]*name=\"Form\\.Version\"[^>]*value=\"(\\d+)\"").Groups[1].Value;

    private static Regex FieldError(string field, string message) =>
        new($"id=\"Form_{field}-error\"><span class=\"field-validation-error\"[^>]*>{Regex.Escape(message)}</span>");

    private static Regex InputValue(string field, string value) =>
        new($"<input[^>]*id=\"Form_{field}\"[^>]*value=\"{Regex.Escape(value)}\"");
}
