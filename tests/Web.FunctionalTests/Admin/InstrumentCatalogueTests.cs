using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// The instrument catalogue, and the WHO-5's licence per hub: a hub without it recorded shows its clients a notice
/// instead of the form, until an administrator records it. Fabrikam's seeded record is removed where a case needs a
/// hub without one.
/// </summary>
public sealed class InstrumentCatalogueTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Page = "/admin/instruments";
    private const string Action = "/admin/instruments/licences";
    private const string Notice = "Not available in your programme yet";

    [Fact]
    public async Task Catalogue_ShowsEachInstrumentsVersionItemsScoringAndLicence()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (status, body) = await admin.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2 id=\"instrument-who-5\">WHO-5 Well-Being Index <small><code>who-5</code></small></h2>", body);
        Assert.Contains("<summary>Version 1 (current)</summary>", body);
        Assert.Contains("<li>My daily life has been filled with things that interest me</li>", body);
        Assert.Contains("Answers: 5 All of the time, 4 Most of the time, 3 More than half of the time, 2 Less than half of the time, 1 Some of the time, 0 At no time.", body);
        Assert.Contains("Raw score: the sum of the answers, 0-25; reported score: raw score × 4, 0-100.", body);
        Assert.Contains("World Health Organization. The World Health Organization-Five Well-Being Index (WHO-5). Geneva: World Health Organization; 2024. Licence: CC BY-NC-SA 3.0 IGO.", body);
        Assert.Contains("Commercial use needs permission from WHO.", body);

        Assert.Contains("<li>We seem to be pulling in different directions (reversed)</li>", body);
        Assert.Contains("Score: the mean of the answers (reversed items are turned round first), 1-7.", body);
        Assert.Contains("<strong>Not a validated instrument.</strong> An unvalidated default written by Wellbeing Hubs.", body);
        Assert.DoesNotContain("Validated instrument. An unvalidated", body);
    }

    [Fact]
    public async Task Catalogue_ShowsWhoRecordedEachHubsLicenceAndWhen()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (_, body) = await admin.GetAsync(Page);

        Assert.Matches(@"<th scope=""row"">Northwind Wellbeing Hub</th>\s*<td class=""licence-recorded"">Recorded by Alex Admin on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: Demo data: no real permission is held.</td>", body);
    }

    [Fact]
    public async Task ClientOfAHubWithoutTheLicence_SeesANoticeInsteadOfTheForm_OnTheFormAndTheDashboard()
    {
        await RemoveFabrikamsLicenceAsync();
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubClient(1));

        var (status, form) = await client.GetAsync("/wellbeing");
        var (_, dashboard) = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Notice, form);
        Assert.Empty(SurveyForms.ItemIds(form));
        Assert.Contains("The Wellbeing Index is not available in your programme yet", dashboard);
        Assert.DoesNotContain("Fill in the Wellbeing Index</a>", dashboard);
    }

    [Fact]
    public async Task ClientOfAHubWithoutTheLicence_PostingAForm_IsRefused_AndNothingIsSaved()
    {
        var email = DemoHub.OtherHubClient(2);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        await RemoveFabrikamsLicenceAsync();
        var before = await app.Factory.WellbeingCountAsync(email);

        var response = await client.PostFormAsync("/dashboard", "/wellbeing", hidden.With(items, 3, 3, 3, 3, 3));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("licence to use it has not been recorded", body);
        Assert.Equal(before, await app.Factory.WellbeingCountAsync(email));
    }

    [Fact]
    public async Task RecordingTheLicence_ListsWhoAndTheNote_AndGivesTheHubsClientsTheForm()
    {
        await RemoveFabrikamsLicenceAsync();
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fabrikam = await app.Factory.HubIdAsync(DemoHub.OtherHubSlug);

        var response = await admin.SubmitFormAsync(Page, Action, Fields(fabrikam.ToString(), "WHO permission, letter ref. 2026/117"));
        var (_, page) = await admin.GetAsync(response.Headers.Location!.OriginalString);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubClient(3));
        var (_, form) = await client.GetAsync("/wellbeing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The licence is recorded", page);
        Assert.Matches(@"Fabrikam Care Hub</th>\s*<td class=""licence-recorded"">Recorded by Alex Admin on [^:]+:\d{2} UTC: WHO permission, letter ref. 2026/117</td>", page);
        Assert.DoesNotContain(Notice, form);
        Assert.Equal(5, SurveyForms.ItemIds(form).Count);
        var recorded = Assert.Single(await app.Factory.OfAsync(AuditAction.InstrumentLicenceRecorded), e => e.HubId == fabrikam);
        Assert.Equal((await app.Factory.AccountIdAsync(DemoHub.Administrator), "who-5"), (recorded.UserId, recorded.ObjectId));
    }

    [Fact]
    public async Task RecordingWithoutHubOrNote_IsRefusedNextToEachField_KeepingWhatWasTyped()
    {
        await RemoveFabrikamsLicenceAsync();
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fabrikam = await app.Factory.HubIdAsync(DemoHub.OtherHubSlug);

        var noNote = await admin.SubmitFormAsync(Page, Action, Fields(fabrikam.ToString(), "  "));
        var noHub = await admin.SubmitFormAsync(Page, Action, Fields(string.Empty, "Letter kept by legal"));
        var noNoteBody = WebUtility.HtmlDecode(await noNote.Content.ReadAsStringAsync());
        var noHubBody = WebUtility.HtmlDecode(await noHub.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("id=\"licence-who-5-note-error\" class=\"field-error\">Say where the permission is kept (a reference, the date of the letter).</span>", noNoteBody);
        Assert.Contains($"<option value=\"{fabrikam}\" selected=\"selected\">Fabrikam Care Hub</option>", noNoteBody);
        Assert.Equal(HttpStatusCode.BadRequest, noHub.StatusCode);
        Assert.Contains("id=\"licence-who-5-hub-error\" class=\"field-error\">Choose the hub that holds the licence.</span>", noHubBody);
        Assert.Contains(">Letter kept by legal</textarea>", noHubBody);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.InstrumentLicences.CountAsync(l => l.HubId == fabrikam)));
    }

    [Fact]
    public async Task RecordingTwice_OrForAnInstrumentWhoseLicenceAllowsCommercialUse_IsRefusedWithTheReason()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);

        var twice = await admin.SubmitFormAsync(Page, Action, Fields(northwind.ToString(), "Again"));
        var alliance = await admin.SubmitFormAsync(Page, Action, [.. Fields(northwind.ToString(), "Not needed"), new("Form.SurveyKey", "professional-alliance")]);
        var unknown = await admin.SubmitFormAsync(Page, Action, [.. Fields(northwind.ToString(), "Unknown"), new("Form.SurveyKey", "phq-9")]);

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("The licence of Northwind Wellbeing Hub for the WHO-5 Well-Being Index is already recorded.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, alliance.StatusCode);
        Assert.Contains("Professional Alliance Survey needs no licence record: its licence allows commercial use.", WebUtility.HtmlDecode(await alliance.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.InstrumentLicences.CountAsync(l => l.HubId == northwind)));
    }

    private static List<KeyValuePair<string, string>> Fields(string hubId, string note) => [new("Form.HubId", hubId), new("Form.Note", note)];

    private Task RemoveFabrikamsLicenceAsync() => app.Factory.ChangeAsync(async db =>
    {
        var fabrikam = await app.Factory.HubIdAsync(DemoHub.OtherHubSlug);
        db.InstrumentLicences.RemoveRange(await db.InstrumentLicences.Where(l => l.HubId == fabrikam).ToListAsync());
    });
}
