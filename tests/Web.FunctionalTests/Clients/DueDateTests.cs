using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>"Next one due" counts calendar days in the client's hub (Northwind: Europe/London), across the clocks going back.</summary>
public sealed class DueDateTests : IDisposable
{
    /// <summary>Between the latest index and its due date the London clocks go back (25 October 2026).</summary>
    private readonly WellbeingAppFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public async Task Dashboard_LatestIndexLateInTheUtcEvening_IsDueFourteenLocalDaysAfterItsLocalDate()
    {
        // 23:30 UTC on 19 October is 00:30 on 20 October in London: due on 3 November, not 2 November.
        var email = DemoHub.Client(37);
        var latest = new DateTimeOffset(2026, 10, 19, 23, 30, 0, TimeSpan.Zero);
        await _factory.QueryAsync(db => db.Submissions
            .Where(s => s.Measure == Measure.Wellbeing && db.Members.Any(m => m.Id == s.MemberId && m.Email == email))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, latest)));
        var client = await BrowserlessClient.SignedInAsync(_factory, email);

        var (status, body) = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Next one due on 3 Nov 2026.", body);
    }

    public void Dispose() => _factory.Dispose();
}
