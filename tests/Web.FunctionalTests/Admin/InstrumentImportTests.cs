using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.Controllers;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// Importing an instrument definition on /admin/instruments: each refusal beside the file field with nothing stored,
/// and a new version of the alliance survey in our own format (the WHO-5 as a FHIR Questionnaire: InstrumentVersionTests).
/// </summary>
public sealed class InstrumentImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<int> StoredCountAsync() => app.Factory.QueryAsync(db => db.ImportedInstruments.CountAsync());

    [Theory]
    [MemberData(nameof(InstrumentFiles.FormatRefusals), MemberType = typeof(InstrumentFiles))]
    [InlineData(InstrumentFiles.Who5Version1Reworded, "Version 1 of who-5 already exists with different content.")]
    [InlineData(InstrumentFiles.WithoutPermissionNote, "Version 1 of who-5 needs the copyright holder's permission for commercial use; version 3 must say so too")]
    public async Task Upload_OfABadFile_IsRefusedBesideTheField_AndStoresNothing(string fileName, string reason)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var before = await StoredCountAsync();
        var audited = (await app.Factory.OfAsync(AuditAction.InstrumentImported)).Count;

        var (response, body) = await admin.UploadAsync(InstrumentFiles.Bytes(fileName), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(InstrumentUploads.FieldMessage(reason), body);
        Assert.Equal(before, await StoredCountAsync());
        Assert.Equal(audited, (await app.Factory.OfAsync(AuditAction.InstrumentImported)).Count);
    }

    [Fact]
    public async Task Upload_WithoutAFile_IsRefusedBesideTheField()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (response, body) = await admin.UploadAsync(null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(InstrumentUploads.FieldMessage("Choose a definition file to upload."), body);
    }

    [Fact]
    public async Task Upload_JustOverOneMegabyte_IsRefusedBesideTheField()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var before = await StoredCountAsync();

        var (response, body) = await admin.UploadAsync(Encoding.UTF8.GetBytes(new string(' ', ImportForm.MaxBytes + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(InstrumentUploads.FieldMessage("The file is over 1 MB: an instrument definition is a few kilobytes."), body);
        Assert.Equal(before, await StoredCountAsync());
    }

    /// <summary>31,000,000 bytes is over Kestrel's default request limit (30,000,000), which answered a bare 413.</summary>
    [Theory]
    [InlineData((int)InstrumentsController.RequestLimit + 1)]
    [InlineData(31_000_000)]
    public async Task Upload_OverTheRequestLimit_GetsTheRefusedPageWithTheReason_NotABare413(int size)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var before = await StoredCountAsync();

        var (response, body) = await admin.UploadAsync(new byte[size]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<h1>The file was not imported</h1>", body);
        Assert.Contains("The file is over 1 MB: an instrument definition is a few kilobytes.", body);
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task Upload_OfANewVersionInOurFormat_IsStoredAndShown_AndUploadingItAgainChangesNothing()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var file = InstrumentFiles.Bytes(InstrumentFiles.AllianceVersion2);

        var (first, _) = await admin.UploadAsync(file);
        var (_, page) = await admin.GetAsync(InstrumentUploads.Page);
        var stored = await StoredCountAsync();
        var (again, _) = await admin.UploadAsync(file);
        var (_, pageAgain) = await admin.GetAsync(InstrumentUploads.Page);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Professional Alliance Survey version 2 is imported and marked as not validated", page);
        Assert.Contains("<summary>Version 2 (current)</summary>", page);
        Assert.Contains("<li>I can tell my professional what matters to me</li>", page);
        Assert.Contains("<summary>Version 1</summary>", page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Professional Alliance Survey version 2 is already in the catalogue with the same content: nothing changed.", pageAgain);
        Assert.Equal(stored, await StoredCountAsync());
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.ImportedInstruments.CountAsync(i => i.Key == "professional-alliance" && i.Version == 2)));
        var entry = Assert.Single(await app.Factory.OfAsync(AuditAction.InstrumentImported), e => e.ObjectId == "professional-alliance|2");
        Assert.Equal((await app.Factory.AccountIdAsync(DemoHub.Administrator), AuditOutcome.Succeeded, (Guid?)null), (entry.UserId, entry.Outcome, entry.HubId));
    }

    [Fact]
    public async Task Upload_OfAShippedVersionUnchanged_StoresNothing()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var before = await StoredCountAsync();

        var (response, _) = await admin.UploadAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Instruments", "who-5.v1.json")));
        var (_, page) = await admin.GetAsync(InstrumentUploads.Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("WHO-5 Well-Being Index version 1 is already in the catalogue with the same content: nothing changed.", page);
        Assert.Equal(before, await StoredCountAsync());
    }
}
