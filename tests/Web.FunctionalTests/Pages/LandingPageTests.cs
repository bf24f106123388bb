using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Pages;

/// <summary>Each role's start page shows that person's own data, read through the whole stack.</summary>
public sealed class LandingPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ClientDashboard_ShowsTheirOwnLatestScore_AndNoOneElses()
    {
        var email = DemoHub.Client(1);
        var (name, latest) = await app.Factory.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var scores = await db.Submissions.Where(s => s.MemberId == member.Id && s.Measure == Measure.Wellbeing).Select(s => new { s.SubmittedAt, s.Score }).ToListAsync();
            return (member.DisplayName, scores.MaxBy(s => s.SubmittedAt)!.Score);
        });
        var otherName = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == DemoHub.Client(2)).Select(m => m.DisplayName).SingleAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var (status, body) = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(name, body);
        Assert.Contains($"<span class=\"number\">{latest:0}</span>", body);
        Assert.DoesNotContain(otherName, body);
    }

    [Fact]
    public async Task ClientDashboard_ListsTheSessionWhoseAllianceSurveyIsOpen()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));

        var (_, body) = await client.GetAsync("/dashboard");

        Assert.Contains("How did your session go?", body);
        Assert.Contains("Dr. Maria Lind", body);
    }

    [Fact]
    public async Task ClientsList_ShowsSharedScores_AndAQuestionMarkForEverythingElse()
    {
        var expected = await app.Factory.QueryAsync(async db =>
        {
            var professional = await db.Professionals.SingleAsync(p => p.Email == DemoHub.FirstProfessional);
            var connected = await db.ClientConnections.Where(c => c.ProfessionalId == professional.Id).Select(c => c.MemberId).ToListAsync();
            var members = await db.Members.Where(m => connected.Contains(m.Id)).OrderBy(m => m.DisplayName).Take(25).ToListAsync();
            var ids = members.Select(m => m.Id).ToList();
            var sharing = await db.ShareGrants.Where(g => g.ProfessionalId == professional.Id && g.Measure == Measure.Wellbeing && g.RevokedAt == null && ids.Contains(g.MemberId)).Select(g => g.MemberId).ToListAsync();
            var scores = await db.Submissions.Where(s => ids.Contains(s.MemberId) && s.Measure == Measure.Wellbeing).Select(s => new { s.MemberId, s.SubmittedAt, s.Score }).ToListAsync();
            return members.Select(m => (m.DisplayName, Wellbeing: sharing.Contains(m.Id) ? scores.Where(s => s.MemberId == m.Id).MaxBy(s => s.SubmittedAt)?.Score : null)).ToList();
        });
        Assert.Contains(expected, e => e.Wellbeing is null);
        Assert.Contains(expected, e => e.Wellbeing is not null);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (_, body) = await client.GetAsync("/clients");

        foreach (var (name, wellbeing) in expected)
        {
            var row = RowOf(body, name);
            Assert.Contains(wellbeing is { } score ? $"Wellbeing: </span>{score:0} · " : "Wellbeing: </span>?</td>", row);
        }
    }

    [Fact]
    public async Task ClientsList_NeverShowsAnotherProfessionalsClients()
    {
        var onlySecond = await app.Factory.QueryAsync(async db =>
        {
            var first = await db.Professionals.SingleAsync(p => p.Email == DemoHub.FirstProfessional);
            var theirs = db.ClientConnections.Where(c => c.ProfessionalId == first.Id).Select(c => c.MemberId);
            return await db.Members.Where(m => !theirs.Contains(m.Id)).Select(m => m.DisplayName).ToListAsync();
        });
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var all = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            all.Add((await client.GetAsync($"/clients?page={page}")).Body);
        }

        Assert.NotEmpty(onlySecond);
        Assert.All(onlySecond, name => Assert.DoesNotContain($"<th scope=\"row\">{name}</th>", string.Concat(all)));
    }

    [Fact]
    public async Task ClientsSearch_FromHtmx_ReturnsOnlyTheRows()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var (_, body) = await client.GetAsync("/clients?search=Ada", htmx: true);
        var full = await client.Http.GetAsync("/clients?search=Ada");

        Assert.DoesNotContain("<html", body);
        Assert.Contains("matching \"Ada\"", body);
        Assert.Contains("<th scope=\"row\">Ada ", body);
        Assert.DoesNotContain("<th scope=\"row\">Ben ", body);
        Assert.Contains("HX-Request", full.Headers.Vary);
    }

    [Fact]
    public async Task HrPage_ShowsTheOwnHub_WithoutAnyPersonsName()
    {
        var names = await app.Factory.QueryAsync(db => db.Members.Select(m => m.DisplayName).ToListAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var own = await client.Http.GetAsync("/hr");
        var (status, body) = await client.GetAsync(own.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Northwind Wellbeing Hub", body);
        Assert.All(names, name => Assert.DoesNotContain(name, body));
    }

    [Fact]
    public async Task AdminPage_ShowsHubs_AndLinksTheInstrumentCatalogue()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (_, body) = await client.GetAsync("/admin");

        Assert.Contains("Fabrikam Care Hub", body);
        Assert.Contains("<a href=\"/admin/instruments\">instrument catalogue</a>", body);
    }

    private static string RowOf(string body, string name)
    {
        var start = body.IndexOf($"<th scope=\"row\">{name}</th>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{name} is not in the list.");
        return body[start..body.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
