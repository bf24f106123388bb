using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>The rows' HTML each node keeps under a slice's key (docs/decisions/0010) belongs to the account that read it.</summary>
public sealed partial class CachedRowsTests
{
    [Fact]
    public async Task TwoProfessionalsInTheSameHubs_NeverGetEachOthersRows_FullPageOrHtmx()
    {
        // With the same hubs, their keys differ only by the account.
        await using var app = new WellbeingAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
            var first = await db.Professionals.AsTracking().Include(p => p.Hubs).SingleAsync(p => p.Email == DemoHub.FirstProfessional);
            var second = await db.Professionals.Include(p => p.Hubs).SingleAsync(p => p.Email == DemoHub.SecondProfessional);
            foreach (var membership in second.Hubs.Where(h => !first.BelongsTo(h.HubId)))
            {
                first.JoinHub(membership.HubId, DateTimeOffset.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        var ofFirst = await ClientsOfAsync(app, DemoHub.FirstProfessional);
        var ofSecond = await ClientsOfAsync(app, DemoHub.SecondProfessional);
        var firstClient = await BrowserlessClient.SignedInAsync(app, DemoHub.FirstProfessional);
        var secondClient = await BrowserlessClient.SignedInAsync(app, DemoHub.SecondProfessional);
        Assert.NotEqual(ofFirst, ofSecond);

        foreach (var htmx in new[] { false, true, false })
        {
            var (firstStatus, firstPage) = await firstClient.GetAsync("/clients", htmx);
            var (secondStatus, secondPage) = await secondClient.GetAsync("/clients", htmx);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstStatus, secondStatus));
            // A page holds 25 clients at most, so each page is a part of the professional's own clients.
            Assert.NotEmpty(Linked(firstPage));
            Assert.NotEmpty(Linked(secondPage));
            Assert.Subset(ofFirst, Linked(firstPage));
            Assert.Subset(ofSecond, Linked(secondPage));
        }
    }

    private static HashSet<Guid> Linked(string page) => [.. ProfileLink().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value))];

    private static async Task<HashSet<Guid>> ClientsOfAsync(WellbeingAppFactory app, string email) =>
        [.. await app.QueryAsync(db => db.ClientConnections
            .Where(c => db.Professionals.Any(p => p.Id == c.ProfessionalId && p.Email == email))
            .Join(db.Members.Where(m => m.DeactivatedAt == null), c => c.MemberId, m => m.Id, (c, m) => m.Id)
            .ToListAsync())];

    [GeneratedRegex("href=\"/clients/([0-9a-f-]{36})\"")]
    private static partial Regex ProfileLink();
}
