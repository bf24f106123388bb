using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Professionals;

/// <summary>
/// The publication's reads of one professional's month: a count of invited and rating clients who do not share, the
/// sum and number of the month's ratings, and the same per subscale. Each is one grouped query over the professional's
/// sessions of the month (the sessions' ProfessionalId index, then the grants' (MemberId, ProfessionalId, Measure) and
/// the submissions' unique CareSessionId indexes), so what leaves the database is a handful of numbers, never a rating
/// or a client.
/// </summary>
internal sealed class EfAllianceRatingSource(WellbeingDbContext db) : IAllianceRatingSource
{
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> FirstInvitationsAsync(CancellationToken cancellationToken) =>
        await db.CareSessions
            .Where(s => s.InvitationOpenedAt != null)
            .GroupBy(s => s.ProfessionalId)
            .Select(g => new { ProfessionalId = g.Key, First = g.Min(s => s.InvitationOpenedAt!.Value) })
            .ToDictionaryAsync(f => f.ProfessionalId, f => f.First, cancellationToken);

    public async Task<AllianceMonthStatistics> ReadAsync(Guid professionalId, ReportingPeriod month, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        var (start, end) = (month.Start, month.End);
        var sessions = db.CareSessions.Where(s => s.ProfessionalId == professionalId && s.InvitationOpenedAt >= start && s.InvitationOpenedAt < end);

        // Any alliance grant to this professional that was active at some moment between the month's start and now.
        var unshared = sessions.Where(s => !db.ShareGrants.Any(g =>
            g.MemberId == s.MemberId && g.ProfessionalId == professionalId && g.Measure == Measure.Alliance
            && g.GrantedAt <= publishedAt && (g.RevokedAt == null || g.RevokedAt > start)));
        var invited = await unshared.Select(s => s.MemberId).Distinct().CountAsync(cancellationToken);
        var raters = await unshared
            .Where(s => db.Submissions.Any(r => r.CareSessionId == s.Id))
            .Select(s => s.MemberId).Distinct().CountAsync(cancellationToken);

        var ratings =
            from r in db.Submissions
            join s in sessions on r.CareSessionId equals s.Id
            where r.Measure == Measure.Alliance
            select r;
        var total = await ratings
            .GroupBy(r => r.Measure)
            .Select(g => new { Sum = g.Sum(r => r.Score), Count = g.Count() })
            .FirstOrDefaultAsync(cancellationToken);
        var subscales = await ratings
            .SelectMany(r => r.Subscales)
            .GroupBy(m => m.Key)
            .Select(g => new AllianceSubscaleSum(g.Key, g.Sum(m => m.Mean), g.Count()))
            .ToListAsync(cancellationToken);

        return new AllianceMonthStatistics(invited, raters, total?.Sum ?? 0, total?.Count ?? 0, subscales);
    }
}
