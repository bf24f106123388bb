using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Aggregates;

/// <summary>
/// The refresh's reads, each one GROUP BY the database executes. Months are a CASE over UTC boundaries computed in
/// C#, because SQLite stores timestamps as ticks and has no calendar functions that would agree with the hub's zone.
/// </summary>
internal sealed class EfAggregateSource(WellbeingDbContext db) : IAggregateSource
{
    public async Task<HubStatistics> ReadAsync(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var enrolment = await db.Members
            .Where(m => m.HubId == hubId && m.DeactivatedAt == null)
            .GroupBy(m => m.Department)
            .Select(g => new EnrolmentFigures(
                g.Key,
                g.Count(),
                g.Count(m => db.Submissions.Any(s => s.MemberId == m.Id && s.Measure == Measure.Wellbeing && s.SubmittedAt <= asOf))))
            .ToListAsync(cancellationToken);

        var wellbeing = WellbeingRows(hubId, months, asOf);
        var monthly = await wellbeing
            .Select(MonthOf(months))
            .GroupBy(r => new { r.Department, r.Month })
            .Select(g => new { g.Key.Department, g.Key.Month, Sum = g.Sum(r => r.Score), Submissions = g.Count(), People = g.Select(r => r.MemberId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // First and latest score per person: the group finds the two times, a join finds their scores.
        var perMember = wellbeing
            .GroupBy(r => new { r.MemberId, r.Department })
            .Select(g => new { g.Key.MemberId, g.Key.Department, Submissions = g.Count(), First = g.Min(r => r.SubmittedAt), Latest = g.Max(r => r.SubmittedAt) });
        var responders = await (
                from p in perMember
                join first in wellbeing on new { p.MemberId, At = p.First } equals new { first.MemberId, At = first.SubmittedAt }
                join latest in wellbeing on new { p.MemberId, At = p.Latest } equals new { latest.MemberId, At = latest.SubmittedAt }
                select new ResponderFigures(p.Department, p.Submissions, first.Score, latest.Score))
            .ToListAsync(cancellationToken);

        var alliance = await db.Submissions
            .Where(s => s.HubId == hubId && s.Measure == Measure.Alliance && s.SubmittedAt <= asOf)
            .GroupBy(s => s.HubId)
            .Select(g => new MeanFigures(g.Sum(s => s.Score), g.Count(), g.Select(s => s.MemberId).Distinct().Count()))
            .FirstOrDefaultAsync(cancellationToken);

        return new HubStatistics(
            enrolment,
            monthly.Where(m => m.Month >= 0).Select(m => new MonthFigures(m.Department, months[m.Month].Key, m.Sum, m.Submissions, m.People)).ToList(),
            responders,
            alliance ?? MeanFigures.None);
    }

    public async Task<int> CountWellbeingPeopleAsync(Guid hubId, string? department, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (months.Count == 0)
        {
            return 0;
        }

        var rows = WellbeingRows(hubId, months, asOf).Where(r => department == null || r.Department == department).Select(MonthOf(months));
        return await rows.Where(r => r.Month >= 0).Select(r => r.MemberId).Distinct().CountAsync(cancellationToken);
    }

    public async Task<NewPeople> CountNewPeopleAsync(Guid hubId, DateTimeOffset? since, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var submissions = db.Submissions.Where(s => s.HubId == hubId && s.SubmittedAt > from && s.SubmittedAt <= asOf);
        var wellbeing = await (
                from s in submissions
                join m in db.Members on s.MemberId equals m.Id
                where s.Measure == Measure.Wellbeing
                group s.MemberId by m.Department into department
                select new { Department = department.Key, People = department.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var alliance = await submissions.Where(s => s.Measure == Measure.Alliance).Select(s => s.MemberId).Distinct().CountAsync(cancellationToken);
        var inAll = await submissions.Select(s => s.MemberId).Distinct().CountAsync(cancellationToken);
        var departed = await db.Departures
            .Where(d => d.HubId == hubId && d.At > from && d.At <= asOf)
            .GroupBy(d => d.Department)
            .Select(g => new { Department = g.Key, Wellbeing = g.Count(d => d.HadWellbeing), Alliance = g.Count(d => d.HadAlliance) })
            .ToListAsync(cancellationToken);

        var byDepartment = wellbeing.Select(d => (Department: (string?)d.Department, d.People))
            .Concat(departed.Select(d => (d.Department, People: d.Wellbeing)))
            .GroupBy(d => d.Department)
            .Select(g => GroupPart.Of(g.Key is null ? null : Segments.Department(g.Key), g.Sum(d => d.People)));
        return new NewPeople([.. byDepartment], alliance + departed.Sum(d => d.Alliance), inAll);
    }

    private IQueryable<WellbeingRow> WellbeingRows(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf)
    {
        var start = months.Count == 0 ? asOf : months[0].Start;
        return from s in db.Submissions
               join m in db.Members on s.MemberId equals m.Id
               where s.HubId == hubId && s.Measure == Measure.Wellbeing && s.SubmittedAt >= start && s.SubmittedAt <= asOf
               select new WellbeingRow { MemberId = s.MemberId, Department = m.Department, Score = s.Score, SubmittedAt = s.SubmittedAt };
    }

    /// <summary>row => new MonthRow { ..., Month = At &lt; end0 ? 0 : At &lt; end1 ? 1 : ... : -1 }, a CASE in SQL.</summary>
    private static Expression<Func<WellbeingRow, MonthRow>> MonthOf(IReadOnlyList<ReportingMonth> months)
    {
        var row = Expression.Parameter(typeof(WellbeingRow), "row");
        var at = Expression.Property(row, nameof(WellbeingRow.SubmittedAt));
        Expression index = Expression.Constant(-1);
        for (var i = months.Count - 1; i >= 0; i--)
        {
            index = Expression.Condition(Expression.LessThan(at, Parameter(months[i].End)), Expression.Constant(i), index);
        }

        var body = Expression.MemberInit(
            Expression.New(typeof(MonthRow)),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.MemberId))!, Expression.Property(row, nameof(WellbeingRow.MemberId))),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Department))!, Expression.Property(row, nameof(WellbeingRow.Department))),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Score))!, Expression.Property(row, nameof(WellbeingRow.Score))),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Month))!, index));
        return Expression.Lambda<Func<WellbeingRow, MonthRow>>(body, row);
    }

    /// <summary>A closure member, so EF sends the boundary as a parameter converted the way the provider stores timestamps.</summary>
    private static MemberExpression Parameter(DateTimeOffset end) =>
        Expression.Property(Expression.Constant(new Boundary(end)), nameof(Boundary.Value));

    private sealed record Boundary(DateTimeOffset Value);

    private sealed class WellbeingRow
    {
        public Guid MemberId { get; init; }
        public string? Department { get; init; }
        public decimal Score { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
    }

    private sealed class MonthRow
    {
        public Guid MemberId { get; init; }
        public string? Department { get; init; }
        public decimal Score { get; init; }
        public int Month { get; init; }
    }
}
