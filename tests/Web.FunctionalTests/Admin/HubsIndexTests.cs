using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>The administrator's hubs index at /admin/hubs, reached from the admin navigation.</summary>
public sealed class HubsIndexTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HubsIndex_ListsEveryHubWithALinkToItsPage_AndTheLinkToCreateOne()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Indexed");
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (status, page) = await admin.GetAsync("/admin/hubs");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Hubs</h1>", page);
        var hubs = await app.Factory.QueryAsync(db => db.Hubs.Select(h => new { h.Id, h.Name }).ToListAsync());
        Assert.Contains(hubs, h => h.Id == scenario.HubId);
        Assert.All(hubs, hub => Assert.Contains($"<a href=\"/admin/hubs/{hub.Id}\">{hub.Name}</a>", page));
        Assert.Contains("<a href=\"/admin/hubs/new\">Create a hub</a>", page);
    }

    [Fact]
    public async Task AdminNavigation_LinksTheHubsIndex()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (_, page) = await admin.GetAsync("/admin/audit");

        Assert.Matches("<nav aria-label=\"Main\">(?s:.)*<a href=\"/admin/hubs\">Hubs</a>(?s:.)*</nav>", page);
    }
}
