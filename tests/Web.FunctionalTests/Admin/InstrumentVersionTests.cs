using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// A real FHIR R4 Questionnaire, the WHO-5, imported as version 2 with its first item reworded and a new title: new
/// forms show version 2, and the demo client's earlier submissions keep version 1's questions, answers and scores.
/// </summary>
public sealed class InstrumentVersionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewTitle = "WHO-5 Well-Being Index, second edition";
    private const string NewFirstItem = "I have felt cheerful";

    /// <summary>The WHO-5 Questionnaire with a new title and its first item reworded, to import as version 2.</summary>
    internal static byte[] Who5Version2()
    {
        var questionnaire = JsonNode.Parse(InstrumentFiles.Bytes(InstrumentFiles.Who5Questionnaire))!.AsObject();
        questionnaire["title"] = NewTitle;
        questionnaire["item"]![0]!["text"] = NewFirstItem;
        return Encoding.UTF8.GetBytes(questionnaire.ToJsonString());
    }

    [Fact]
    public async Task ImportingVersion2_ChangesNewFormsOnly_OldSubmissionsKeepVersion1sQuestionsAnswersAndScores()
    {
        var email = DemoHub.Client(4);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await WellbeingExportAsync(client);
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (imported, _) = await admin.UploadAsync(Who5Version2(), "who-5.questionnaire.json");
        var after = await WellbeingExportAsync(client);
        var (_, form) = await client.GetAsync("/wellbeing");
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        var posted = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 5, 5, 5, 5, 4));
        var newest = await app.Factory.QueryAsync(db => db.Submissions
            .Where(s => s.Measure == Measure.Wellbeing && db.Members.Any(m => m.Id == s.MemberId && m.Email == email))
            .OrderByDescending(s => s.SubmittedAt)
            .Select(s => new { s.SurveyVersion, s.Score })
            .FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.NotEmpty(before);
        Assert.All(before, s => Assert.Contains("\"surveyVersion\": 1,", s));
        Assert.Equal(before, after.Take(before.Count));
        Assert.All(after.Take(before.Count), s => Assert.Contains("\"text\": \"I have felt cheerful and in good spirits\"", s));
        Assert.Contains(NewFirstItem + "<", form);
        Assert.Equal("2", hidden["surveyVersion"]);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((2, 96m), (newest.SurveyVersion, newest.Score));
    }

    [Fact]
    public async Task Catalogue_AfterTheImport_ShowsBothVersions_TheLicenceText_AndThatTheHubsLicenceStillCoversIt()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        await admin.UploadAsync(Who5Version2(), "who-5.questionnaire.json");

        var (_, page) = await admin.GetAsync(InstrumentUploads.Page);

        Assert.Contains($"<h2 id=\"instrument-who-5\">{NewTitle} <small><code>who-5</code></small></h2>", page);
        Assert.Contains("<summary>Version 2 (current)</summary>", page);
        Assert.Contains("<summary>Version 1</summary>", page);
        Assert.Contains("Validated instrument.", page);
        Assert.Contains("<dd>World Health Organization. The World Health Organization-Five Well-Being Index (WHO-5). Geneva: World Health Organization; 2024. Licence: CC BY-NC-SA 3.0 IGO.</dd>", page);
        Assert.Contains("Commercial use needs permission from WHO.", page);
        Assert.Matches(@"<th scope=""row"">Northwind Wellbeing Hub</th>\s*<td class=""licence-recorded"">", page);
        // Imported once by whichever test of this class ran first; the other upload found the same content.
        Assert.Single(await app.Factory.OfAsync(AuditAction.InstrumentImported), e => e.ObjectId == "who-5|2");
    }

    /// <summary>The member's Wellbeing Index submissions as the JSON export writes them, one raw JSON text each, oldest first.</summary>
    private static async Task<List<string>> WellbeingExportAsync(BrowserlessClient client)
    {
        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/my-data/export.json"));
        return json.RootElement.GetProperty("submissions").EnumerateArray()
            .Where(s => s.GetProperty("measure").GetString() == "Wellbeing")
            .OrderBy(s => s.GetProperty("submittedAt").GetDateTimeOffset())
            .Select(s => s.GetRawText())
            .ToList();
    }
}
