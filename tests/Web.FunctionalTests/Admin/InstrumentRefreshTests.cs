using System.Diagnostics;
using System.Globalization;
using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// Two web nodes on one database: a version of the WHO-5 imported through one node reaches the other's forms within
/// <c>Instruments:RefreshSeconds</c>; a node that has not reloaded yet keeps its version and refuses a form of the new
/// one with "open the form again" rather than scoring it against other questions.
/// </summary>
public sealed class InstrumentRefreshTests : IDisposable
{
    private const string RefreshSetting = "Instruments:RefreshSeconds";
    private readonly WellbeingAppFactory _importing = new();
    private readonly WellbeingAppFactory _other;

    public InstrumentRefreshTests()
    {
        _other = new WellbeingAppFactory { ConnectionString = _importing.ConnectionString, DemoDataEnabled = false };
    }

    [Fact]
    public async Task AVersionImportedOnOneNode_ReachesTheOtherNodesForms_WithinTheRefreshInterval()
    {
        var interval = TimeSpan.FromSeconds(1);
        _importing.Settings[RefreshSetting] = _other.Settings[RefreshSetting] = interval.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var (admin, client) = await SignInAsync();
        var (before, _) = await client.OpenAsync("/wellbeing");

        var (imported, _) = await admin.UploadAsync(InstrumentVersionTests.Who5Version2(), "who-5.questionnaire.json");
        var waited = Stopwatch.StartNew();
        var (after, items) = await client.OpenAsync("/wellbeing");
        while (after["surveyVersion"] != "2" && waited.Elapsed < 5 * interval)
        {
            await Task.Delay(interval / 10);
            (after, items) = await client.OpenAsync("/wellbeing");
        }

        var posted = await client.PostFormAsync("/wellbeing", "/wellbeing", after.With(items, 5, 5, 5, 5, 4));

        Assert.Equal("1", before["surveyVersion"]);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal("2", after["surveyVersion"]);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task ANodeThatHasNotReloaded_KeepsItsVersion_AndRefusesAFormOfTheNewOne()
    {
        _importing.Settings[RefreshSetting] = _other.Settings[RefreshSetting] = TimeSpan.FromHours(1).TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var (admin, client) = await SignInAsync();
        var onImporting = await BrowserlessClient.SignedInAsync(_importing, DemoHub.Client(6));

        await admin.UploadAsync(InstrumentVersionTests.Who5Version2(), "who-5.questionnaire.json");
        var (newForm, items) = await onImporting.OpenAsync("/wellbeing");
        var (stale, _) = await client.OpenAsync("/wellbeing");
        var posted = await client.PostFormAsync("/wellbeing", "/wellbeing", newForm.With(items, 5, 5, 5, 5, 4));

        Assert.Equal("2", newForm["surveyVersion"]);
        Assert.Equal("1", stale["surveyVersion"]);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("This form does not match the current Wellbeing Index. Please open the form again and fill it in.", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
    }

    /// <summary>The administrator on the importing node (which seeds the demo), a client on the other.</summary>
    private async Task<(BrowserlessClient Admin, BrowserlessClient Client)> SignInAsync()
    {
        var admin = await BrowserlessClient.SignedInAsync(_importing, DemoHub.Administrator);
        return (admin, await BrowserlessClient.SignedInAsync(_other, DemoHub.Client(6)));
    }

    public void Dispose()
    {
        _other.Dispose();
        _importing.Dispose();
    }
}
