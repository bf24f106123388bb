using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sharing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>Share and revoke per professional and measure, and the record of who viewed the client's scores.</summary>
public sealed class SharingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Page_ListsOnlyTheProfessionalsTheClientWorksWith()
    {
        var one = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));
        var both = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(5));

        var (status, oneBody) = await one.GetAsync("/sharing");
        var (_, bothBody) = await both.GetAsync("/sharing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Dr. Maria Lind", oneBody);
        Assert.DoesNotContain("Sam Okafor", oneBody);
        Assert.Contains("Dr. Maria Lind", bothBody);
        Assert.Contains("Sam Okafor", bothBody);
    }

    [Fact]
    public async Task Revoking_WithoutJavaScript_RecordsTheTime_AndTheProfessionalSeesAQuestionMarkOnTheNextRequest()
    {
        var email = DemoHub.Client(3);
        var (memberId, name, professionalId) = await PairAsync(email, DemoHub.FirstProfessional);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var search = $"/clients?search={Uri.EscapeDataString(name)}";
        Assert.DoesNotContain("</span>?</td>", FirstRow((await professional.GetAsync(search)).Body, 2));

        var response = await client.PostFormAsync("/sharing", "/sharing", Fields(professionalId, "Wellbeing", share: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sharing", response.Headers.Location?.OriginalString);
        Assert.Contains("</span>?</td>", FirstRow((await professional.GetAsync(search)).Body, 2));
        var grant = await app.Factory.QueryAsync(db => db.ShareGrants.SingleAsync(g => g.MemberId == memberId && g.ProfessionalId == professionalId && g.Measure == Measure.Wellbeing));
        Assert.NotNull(grant.RevokedAt);
        Assert.Contains("Stopped sharing Wellbeing Index", (await client.GetAsync("/sharing")).Body);
    }

    /// <summary>
    /// Each node caches the list it served (docs/decisions/0010): a revocation made through another node must still hide
    /// the score on this node's next request, which finds the hub's version raised in the database.
    /// </summary>
    [Fact]
    public async Task RevokingThroughOneNode_HidesTheScoreInTheListAnotherNodeCached_OnItsNextRequest()
    {
        await using var first = new WellbeingAppFactory();
        var email = DemoHub.Client(3);
        var client = await BrowserlessClient.SignedInAsync(first, email);
        await using var second = new WellbeingAppFactory { ConnectionString = first.ConnectionString, DemoDataEnabled = false };
        var (_, name, professionalId) = await PairAsync(first, email, DemoHub.FirstProfessional);
        var professional = await BrowserlessClient.SignedInAsync(second, DemoHub.FirstProfessional);
        var search = $"/clients?search={Uri.EscapeDataString(name)}";
        Assert.DoesNotContain("</span>?</td>", FirstRow((await professional.GetAsync(search)).Body, 2));
        Assert.DoesNotContain("</span>?</td>", FirstRow((await professional.GetAsync(search)).Body, 2));

        var response = await client.PostFormAsync("/sharing", "/sharing", Fields(professionalId, "Wellbeing", share: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("</span>?</td>", FirstRow((await professional.GetAsync(search)).Body, 2));
    }

    [Fact]
    public async Task SharingAgain_FromHtmx_ReturnsOnlyTheChangedRow_AndStartsANewGrant()
    {
        var email = DemoHub.Client(4);
        var (memberId, _, professionalId) = await PairAsync(email, DemoHub.SecondProfessional);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        await client.PostFormAsync("/sharing", "/sharing", Fields(professionalId, "Alliance", share: false));

        var (_, page) = await client.GetAsync("/sharing");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sharing") { Content = new FormUrlEncodedContent(Fields(professionalId, "Alliance", share: true)) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(Antiforgery.HeaderName, Antiforgery.TokenOf(page));
        var response = await client.Http.SendAsync(request);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.DoesNotContain("<html", body);
        Assert.StartsWith($"<li class=\"card share-row\" id=\"share-{professionalId}\">", body.Trim());
        Assert.Contains("Stop sharing<span class=\"visually-hidden\"> Professional Alliance with Sam Okafor", body);
        var grants = await app.Factory.QueryAsync(db => db.ShareGrants.Where(g => g.MemberId == memberId && g.ProfessionalId == professionalId && g.Measure == Measure.Alliance).ToListAsync());
        Assert.Equal(2, grants.Count);
        Assert.Single(grants, g => g.IsActive);
    }

    [Fact]
    public async Task ProfessionalTheClientDoesNotWorkWith_IsNotFound()
    {
        var (_, _, notTheirs) = await PairAsync(DemoHub.Client(2), DemoHub.SecondProfessional);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));

        var unknown = await client.PostFormAsync("/sharing", "/sharing", Fields(Guid.NewGuid(), "Wellbeing", share: true));
        var notConnected = await client.PostFormAsync("/sharing", "/sharing", Fields(notTheirs, "Wellbeing", share: true));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notConnected.StatusCode);
        Assert.False(await app.Factory.QueryAsync(db => db.ShareGrants.AnyAsync(g => g.ProfessionalId == notTheirs && db.Members.Any(m => m.Id == g.MemberId && m.Email == DemoHub.Client(1)))));
    }

    [Theory]
    [InlineData("Diagnosis", "true")]
    [InlineData("7", "true")]
    [InlineData("Wellbeing", "maybe")]
    public async Task UnknownMeasureOrChoice_IsRefusedWithAMessage(string measure, string share)
    {
        var (_, _, professionalId) = await PairAsync(DemoHub.Client(1), DemoHub.FirstProfessional);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));
        var fields = Fields(professionalId, measure, share: true);
        fields["share"] = share;

        var response = await client.PostFormAsync("/sharing", "/sharing", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sharing was not changed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhoViewedMyScores_ListsOwnViewsNewestFirst_InTheHubsTimeZone()
    {
        var (memberId, _, professionalId) = await PairAsync(DemoHub.Client(21), DemoHub.FirstProfessional);
        var (otherMember, _, _) = await PairAsync(DemoHub.Client(23), DemoHub.FirstProfessional);
        var hubId = await app.Factory.HubIdAsync("northwind");
        await app.Factory.QueryAsync(async db =>
        {
            // 1 July is summer time in London: 08:15 UTC reads 09:15.
            db.ScoreViews.Add(new ScoreView(hubId, memberId, professionalId, new DateTimeOffset(2026, 7, 1, 8, 15, 0, TimeSpan.Zero)));
            db.ScoreViews.Add(new ScoreView(hubId, memberId, professionalId, new DateTimeOffset(2026, 7, 3, 12, 0, 0, TimeSpan.Zero)));
            db.ScoreViews.Add(new ScoreView(hubId, otherMember, professionalId, new DateTimeOffset(2026, 7, 2, 12, 0, 0, TimeSpan.Zero)));
            return await db.SaveChangesAsync();
        });
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(21));

        var (status, body) = await client.GetAsync("/sharing/views");

        Assert.Equal(HttpStatusCode.OK, status);
        var newer = body.IndexOf("3 Jul 2026, 13:00", StringComparison.Ordinal);
        var older = body.IndexOf("1 Jul 2026, 09:15", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "Views are listed newest first in Europe/London time.");
        Assert.DoesNotContain("2 Jul 2026", body);
        Assert.Contains("Dr. Maria Lind", body);
    }

    private static Dictionary<string, string> Fields(Guid professionalId, string measure, bool share) => new()
    {
        ["professionalId"] = professionalId.ToString(),
        ["measure"] = measure,
        ["share"] = share ? "true" : "false",
    };

    private Task<(Guid MemberId, string Name, Guid ProfessionalId)> PairAsync(string clientEmail, string professionalEmail) =>
        PairAsync(app.Factory, clientEmail, professionalEmail);

    private static Task<(Guid MemberId, string Name, Guid ProfessionalId)> PairAsync(WellbeingAppFactory factory, string clientEmail, string professionalEmail) =>
        factory.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == clientEmail);
            var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
            return (member.Id, member.DisplayName, professional.Id);
        });

    /// <summary>The given cell (0-based, after the name) of the first row of the professional's clients list.</summary>
    private static string FirstRow(string body, int cells)
    {
        var start = body.IndexOf("<th scope=\"row\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The client is in the professional's list.");
        var end = body.IndexOf("</tr>", start, StringComparison.Ordinal);
        var row = body[start..end];
        var cell = -1;
        for (var i = 0; i < cells; i++)
        {
            cell = row.IndexOf("<td>", cell + 1, StringComparison.Ordinal);
        }

        return row[cell..row.IndexOf("</td>", cell, StringComparison.Ordinal)] + "</td>";
    }
}
