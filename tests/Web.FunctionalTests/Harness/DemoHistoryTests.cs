using Microsoft.EntityFrameworkCore;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Harness;

/// <summary>The demo looks like a working week whenever it starts: sessions and answers fall in office hours of each hub's time zone.</summary>
public sealed class DemoHistoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DemoSessionsAndAnswers_FallInWorkingHours_OfTheirHub()
    {
        var times = await app.Factory.QueryAsync(async db =>
        {
            var zones = await db.Hubs.ToDictionaryAsync(h => h.Id, h => TimeZoneInfo.FindSystemTimeZoneById(h.TimeZoneId));
            var sessions = await db.CareSessions.Select(s => new { s.HubId, s.ScheduledAt, s.EndedAt }).ToListAsync();
            var submissions = await db.Submissions.Select(s => new { s.HubId, s.SubmittedAt }).ToListAsync();
            return sessions.SelectMany(s => new[] { (s.HubId, At: s.ScheduledAt), (s.HubId, At: s.EndedAt!.Value) })
                .Concat(submissions.Select(s => (s.HubId, At: s.SubmittedAt)))
                .Select(t => TimeZoneInfo.ConvertTime(t.At, zones[t.HubId]))
                .ToList();
        });

        Assert.NotEmpty(times);
        Assert.All(times, local => Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(19)));
    }
}
