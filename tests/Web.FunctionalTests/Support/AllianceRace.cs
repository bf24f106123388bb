using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Sessions;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>Alliance surveys as a client meets them: an open invitation, and the same form sent several times at once.</summary>
public static class AllianceRace
{
    /// <summary>The client's most recently ended session whose alliance survey is still open.</summary>
    public static Task<CareSession> OpenAllianceSessionAsync(this WellbeingAppFactory factory, string email)
    {
        var now = DateTimeOffset.UtcNow;
        return factory.QueryAsync(async db => (await db.CareSessions
                .Where(s => db.Members.Any(m => m.Id == s.MemberId && m.Email == email) && s.InvitationOpenedAt != null && s.AllianceSubmissionId == null)
                .ToListAsync())
            .Where(s => s.InvitationExpiresAt > now)
            .OrderByDescending(s => s.EndedAt)
            .First());
    }

    /// <summary>Posts one filled-in form <paramref name="times"/> times concurrently, like a double click on a slow line.</summary>
    public static async Task<(HttpStatusCode[] Statuses, int Saved)> PostSameAnswersAtOnceAsync(this WellbeingAppFactory factory, string email, int times)
    {
        var session = await factory.OpenAllianceSessionAsync(email);
        var client = await BrowserlessClient.SignedInAsync(factory, email);
        var path = $"/alliance/{session.Id}";
        var (_, page) = await client.GetAsync(path);
        var fields = SurveyForms.HiddenFields(page).With(SurveyForms.ItemIds(page), 5, 5, 5, 3, 5);
        fields[Antiforgery.FieldName] = Antiforgery.TokenOf(page);

        var responses = await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.Http.PostAsync(path, new FormUrlEncodedContent(fields))));

        var saved = await factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == session.Id));
        return (responses.Select(r => r.StatusCode).ToArray(), saved);
    }
}
