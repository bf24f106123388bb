using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>The "Schedule" form of a client's profile sent many times at once, as double clicks and several tabs do.</summary>
public static class SessionRace
{
    /// <summary>
    /// Opens the profile <paramref name="forms"/> times (each page draws its own booking form) and posts each form
    /// <paramref name="copies"/> times, all concurrently.
    /// </summary>
    /// <returns>The statuses and the sequence numbers of the sessions that are new.</returns>
    public static async Task<(HttpStatusCode[] Statuses, List<int> NewNumbers, int NumbersBefore)> ScheduleAtOnceAsync(
        this WellbeingAppFactory factory, string clientEmail, int forms, int copies)
    {
        var memberId = await factory.MemberIdAsync(clientEmail);
        var before = await NumbersAsync(factory, memberId);
        var professional = await BrowserlessClient.SignedInAsync(factory, DemoHub.FirstProfessional);
        var profile = $"/clients/{memberId}";
        var action = $"/clients/{memberId}/sessions";
        var date = $"{DateTime.UtcNow.AddDays(5):yyyy-MM-dd}";
        var posts = new List<List<KeyValuePair<string, string>>>();
        for (var form = 0; form < forms; form++)
        {
            List<KeyValuePair<string, string>> fields = [.. await professional.HiddenFieldsAsync(profile, action), new("Form.Date", date), new("Form.Time", "10:00")];
            posts.AddRange(Enumerable.Repeat(fields, copies));
        }

        var responses = await Task.WhenAll(posts.Select(fields => professional.Http.PostAsync(action, new FormUrlEncodedContent(fields))));
        var after = await NumbersAsync(factory, memberId);
        return ([.. responses.Select(r => r.StatusCode)], [.. after.Skip(before.Count)], before.Count);
    }

    private static Task<List<int>> NumbersAsync(WellbeingAppFactory factory, Guid memberId) =>
        factory.QueryAsync(db => db.CareSessions
            .Where(s => s.MemberId == memberId && db.Professionals.Any(p => p.Id == s.ProfessionalId && p.Email == DemoHub.FirstProfessional))
            .OrderBy(s => s.SequenceNumber)
            .Select(s => s.SequenceNumber)
            .ToListAsync());
}
