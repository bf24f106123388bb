using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>
/// The client list after a live search: htmx swaps only the rows, but Back to a page htmx no longer holds asks for the
/// whole page (<c>HX-History-Restore-Request</c>), and no cache may hand one form where the other was asked for.
/// </summary>
public sealed class ClientListHistoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Search = "/clients?search=a";

    [Fact]
    public async Task HistoryRestore_GetsTheWholePage_WithHeaderAndSearchBox()
    {
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        using var restore = new HttpRequestMessage(HttpMethod.Get, Search);
        restore.Headers.Add("HX-Request", "true");
        restore.Headers.Add("HX-History-Restore-Request", "true");

        var response = await professional.Http.SendAsync(restore);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", body);
        Assert.Contains("<header", body);
        Assert.Contains("id=\"search\"", body);
        Assert.Contains("HX-Request", response.Headers.Vary);
    }

    [Fact]
    public async Task LiveSearch_GetsOnlyTheRows_AndBothAnswersVaryOnHxRequest()
    {
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        using var swap = new HttpRequestMessage(HttpMethod.Get, Search);
        swap.Headers.Add("HX-Request", "true");

        var fragment = await professional.Http.SendAsync(swap);
        var page = await professional.Http.GetAsync(Search);
        var fragmentBody = await fragment.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<html", fragmentBody);
        Assert.DoesNotContain("id=\"search\"", fragmentBody);
        Assert.Contains("<table", fragmentBody);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync());
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        Assert.Contains("HX-Request", page.Headers.Vary);
    }
}
