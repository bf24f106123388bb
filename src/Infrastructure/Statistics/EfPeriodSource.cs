using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Statistics;

/// <summary>
/// Publication's reads for one hub and one closed period, three grouped queries. The respondents' query groups the
/// period's Wellbeing Index rows by person (a range of the (HubId, Measure, SubmittedAt, MemberId, Score) index), then
/// groups those people again by department, period sum and count, and first score, so what leaves the database is
/// groups with their head counts (a few hundred in a small hub, 12,473 for the 100,000 respondents of the benchmark in
/// docs/performance.md), never a member's id.
/// </summary>
internal sealed class EfPeriodSource(WellbeingDbContext db) : IPeriodSource
{
    /// <summary>
    /// PostgreSQL's memory per sort or hash for the reads below (the server default is 4 MB). The respondents' query
    /// groups every respondent of the period (100,000 in a large hub): with 4 MB it spills that grouping to disk and,
    /// since it expects as many final groups as people, sorts all of them on disk for the final grouping instead of
    /// hashing the far fewer there are (12,473 for 100,000 people: docs/performance.md, "Period publication"). Set for
    /// this transaction only, so no pooled connection keeps it.
    /// </summary>
    private const string PostgresWorkMem = "32MB";

    public async Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL work_mem = '{PostgresWorkMem}'", cancellationToken);
        }

        var statistics = await ReadGroupsAsync(hubId, period, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return statistics;
    }

    private async Task<PeriodStatistics> ReadGroupsAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);

        // Enrolled at some time in the period: a member deactivated before it, or enrolled after it, was not there.
        var enrolment = await db.Members
            .Where(m => m.HubId == hubId && m.EnrolledAt < end && (m.DeactivatedAt == null || m.DeactivatedAt >= start))
            .GroupBy(m => m.Department)
            .Select(g => new DepartmentEnrolment(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

        var people =
            from s in db.Submissions
            where s.HubId == hubId && s.Measure == Measure.Wellbeing && s.SubmittedAt >= start && s.SubmittedAt < end
            group s.Score by s.MemberId into person
            select new { MemberId = person.Key, Sum = person.Sum(), Submissions = person.Count() };
        var respondents = await (
                from p in people
                join m in db.Members on p.MemberId equals m.Id
                join r in db.ResponderSummaries on p.MemberId equals r.MemberId
                group p by new { m.Department, p.Sum, p.Submissions, First = r.FirstAt < start ? (decimal?)r.FirstScore : null } into g
                select new RespondentGroup(g.Key.Department, g.Key.Sum, g.Key.Submissions, g.Key.First, g.Count()))
            .ToListAsync(cancellationToken);

        var alliance = await db.Submissions
            .Where(s => s.HubId == hubId && s.Measure == Measure.Alliance && s.SubmittedAt >= start && s.SubmittedAt < end)
            .GroupBy(s => s.HubId)
            .Select(g => new AllianceFigures(g.Sum(s => s.Score), g.Count(), g.Select(s => s.MemberId).Distinct().Count()))
            .FirstOrDefaultAsync(cancellationToken);

        return new PeriodStatistics(enrolment, respondents, alliance ?? AllianceFigures.None);
    }
}
