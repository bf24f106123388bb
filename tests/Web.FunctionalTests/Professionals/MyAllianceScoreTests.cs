using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>The professional's own alliance score includes unshared ratings, so it hides until k distinct clients are behind it.</summary>
public sealed class MyAllianceScoreTests
{
    [Fact]
    public async Task ShowsTheMeanOfEveryRatingAboutMe_SharedOrNot()
    {
        using var app = new AppFixture();
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var ratings = await RatingsAsync(app, professionalId);
        Assert.True(ratings.Select(r => r.MemberId).Distinct().Count() >= 5);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, body) = await client.GetAsync("/my-alliance");

        Assert.Equal(HttpStatusCode.OK, status);
        var mean = Math.Round(ratings.Average(r => r.Score), 2, MidpointRounding.AwayFromZero);
        Assert.Contains($"<span class=\"number\">{mean.ToString("0.0", CultureInfo.CurrentCulture)}</span>", body);
        Assert.Contains($"From {ratings.Count} ratings by {ratings.Select(r => r.MemberId).Distinct().Count()} clients.", body);
        Assert.Contains("Partnership", body);
        Assert.DoesNotContain("Not enough responses yet", body);
    }

    [Fact]
    public async Task FewerThanKClients_ShowsNotEnoughResponses_AndNoNumber()
    {
        using var app = new AppFixture();
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var clients = (await RatingsAsync(app, professionalId)).Select(r => r.MemberId).Distinct().Count();
        await app.Factory.ChangeHubSettingsAsync("northwind", s => s.WithPrivacy(clients + 1, clients + 1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (_, body) = await client.GetAsync("/my-alliance");

        Assert.Contains("Not enough responses yet.", body);
        Assert.DoesNotContain("class=\"number\"", body);
        Assert.DoesNotContain("By month", body);
    }

    [Fact]
    public async Task InSeveralHubs_TheLargestKApplies()
    {
        using var app = new AppFixture();
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.SecondProfessional);
        var clients = (await RatingsAsync(app, professionalId)).Select(r => r.MemberId).Distinct().Count();

        // Northwind keeps k = 5, which pro2's clients pass; Fabrikam's stricter k must win.
        await app.Factory.ChangeHubSettingsAsync("fabrikam", s => s.WithPrivacy(clients + 1, clients + 1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.SecondProfessional);

        var (_, body) = await client.GetAsync("/my-alliance");

        Assert.Contains("Not enough responses yet.", body);
        Assert.Contains($"at least {clients + 1} different clients", body);
    }

    [Fact]
    public async Task MonthsWithFewerThanKClients_AreLeftOut()
    {
        using var app = new AppFixture();
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var ratings = await RatingsAsync(app, professionalId);
        var byMonth = ratings.GroupBy(r => new DateTime(r.SubmittedAt.UtcDateTime.Year, r.SubmittedAt.UtcDateTime.Month, 1))
            .ToDictionary(g => g.Key, g => g.Select(r => r.MemberId).Distinct().Count());

        // k between the smallest and the largest month, so some months show and some do not.
        var k = Math.Max(byMonth.Values.Max(), 3);
        await app.Factory.ChangeHubSettingsAsync("northwind", s => s.WithPrivacy(k, Math.Max(k, 10)));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (_, body) = await client.GetAsync("/my-alliance");

        Assert.True(byMonth.Values.Min() < k, "The demo data should have a month below the largest one.");
        foreach (var (month, count) in byMonth)
        {
            var label = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            Assert.Equal(count >= k, body.Contains($"<td>{label}</td>", StringComparison.Ordinal));
        }
    }

    private static Task<List<(Guid MemberId, DateTimeOffset SubmittedAt, decimal Score)>> RatingsAsync(AppFixture app, Guid professionalId) =>
        app.Factory.QueryAsync(async db => (await db.Submissions
                .Where(s => s.Measure == Measure.Alliance && s.ProfessionalId == professionalId)
                .Select(s => new { s.MemberId, s.SubmittedAt, s.Score })
                .ToListAsync())
            .Select(s => (s.MemberId, s.SubmittedAt, s.Score)).ToList());
}
