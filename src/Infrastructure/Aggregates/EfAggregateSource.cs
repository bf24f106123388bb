using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Aggregates;

/// <summary>
/// The refresh's reads. One pass over the hub's Wellbeing Index submissions groups them by department and month;
/// everything per person (responded, first and latest score) comes from the <see cref="ResponderSummary"/> rows, one
/// per member, that the context keeps as submissions are saved. Months are a CASE over UTC boundaries computed in
/// C#, because SQLite stores timestamps as ticks and has no calendar functions that would agree with the hub's zone.
/// </summary>
internal sealed class EfAggregateSource(WellbeingDbContext db) : IAggregateSource
{
    public async Task<HubStatistics> ReadAsync(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        // A summary row exists once a member has submitted; its first time says whether that was by asOf.
        var enrolment = await db.Members
            .Where(m => m.HubId == hubId && m.DeactivatedAt == null)
            .GroupBy(m => m.Department)
            .Select(g => new EnrolmentFigures(
                g.Key,
                g.Count(),
                g.Count(m => db.ResponderSummaries.Any(r => r.MemberId == m.Id && r.FirstAt <= asOf))))
            .ToListAsync(cancellationToken);

        var monthly = await (db.Database.IsSqlite() ? MonthlyByMemberFirst(hubId, months, asOf) : Monthly(hubId, months, asOf)).ToListAsync(cancellationToken);

        return new HubStatistics(
            enrolment,
            monthly.Where(m => m.Month >= 0).Select(m => new MonthFigures(m.Department, months[m.Month].Key, m.Sum, m.Submissions, m.People)).ToList(),
            await RespondersAsync(hubId, months, asOf, cancellationToken),
            await AllianceAsync(hubId, asOf, cancellationToken));
    }

    /// <summary>Each department's submissions per month in one pass: their sum, their number and their distinct people.</summary>
    private IQueryable<MonthTotals> Monthly(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf) =>
        WellbeingRows(hubId, months, asOf)
            .Select(MonthOf<WellbeingRow>(months, r => r.SubmittedAt, r => new MonthRow { MemberId = r.MemberId, Department = r.Department, Score = r.Score }))
            .GroupBy(r => new { r.Department, r.Month })
            .Select(g => new MonthTotals { Department = g.Key.Department, Month = g.Key.Month, Sum = g.Sum(r => r.Score), Submissions = g.Count(), People = g.Select(r => r.MemberId).Distinct().Count() });

    /// <summary>
    /// The same totals, grouped by person and month before the department is joined: a person's group then counts
    /// once, so no DISTINCT is needed, and the members are looked up once per group, in key order. SQLite pays for every
    /// member lookup through the TEXT key (21 s in one pass against 4.8 s this way at 100,000 members); PostgreSQL hashes
    /// the members once and spills the 1.3 million groups to disk instead (3.5 s against 6 s), so it keeps the one pass.
    /// </summary>
    private IQueryable<MonthTotals> MonthlyByMemberFirst(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf) =>
        from p in WellbeingSubmissions(hubId, WindowStart(months, asOf), asOf)
            .Select(MonthOf<Submission>(months, s => s.SubmittedAt, s => new MonthRow { MemberId = s.MemberId, Score = s.Score }))
            .GroupBy(r => new { r.MemberId, r.Month })
            .Select(g => new { g.Key.MemberId, g.Key.Month, Sum = g.Sum(r => r.Score), Submissions = g.Count() })
        join m in db.Members on p.MemberId equals m.Id
        group p by new { m.Department, p.Month } into g
        select new MonthTotals { Department = g.Key.Department, Month = g.Key.Month, Sum = g.Sum(p => p.Sum), Submissions = g.Sum(p => p.Submissions), People = g.Count() };

    /// <summary>
    /// First and latest score per person, one summary row each. A summary covers all of a member's submissions, so it
    /// is the answer only when they all lie in [first month, asOf]; the rare member with one outside (a submission
    /// saved while this refresh runs, or one older than the hub) is folded again from their submissions in the window.
    /// </summary>
    private async Task<List<ResponderFigures>> RespondersAsync(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var start = WindowStart(months, asOf);
        var summaries = await (
                from r in db.ResponderSummaries
                join m in db.Members on r.MemberId equals m.Id
                where r.HubId == hubId
                select new { r.MemberId, m.Department, r.Submissions, r.FirstAt, r.FirstScore, r.LatestAt, r.LatestScore })
            .ToListAsync(cancellationToken);
        var inside = summaries.ToLookup(r => r.FirstAt >= start && r.LatestAt <= asOf);
        var responders = inside[true].Select(r => new ResponderFigures(r.Department, r.Submissions, r.FirstScore, r.LatestScore)).ToList();
        if (!inside[false].Any())
        {
            return responders;
        }

        // By member rather than by hub, so the database seeks the few members instead of scanning the hub; a member's
        // submissions are all in the member's hub.
        var outside = inside[false].Select(r => r.MemberId).ToList();
        var rows = await db.Submissions
            .Where(s => outside.Contains(s.MemberId) && s.Measure == Measure.Wellbeing && s.SubmittedAt >= start && s.SubmittedAt <= asOf)
            .Select(s => new { s.MemberId, s.SubmittedAt, s.Score })
            .ToListAsync(cancellationToken);
        var rowsOf = rows.ToLookup(r => r.MemberId);
        foreach (var member in inside[false])
        {
            var inWindow = new ResponderSummary(member.MemberId, hubId);
            foreach (var row in rowsOf[member.MemberId])
            {
                inWindow.Record(row.SubmittedAt, row.Score);
            }

            if (inWindow.Submissions > 0)
            {
                responders.Add(new ResponderFigures(member.Department, inWindow.Submissions, inWindow.FirstScore, inWindow.LatestScore));
            }
        }

        return responders;
    }

    private async Task<MeanFigures> AllianceAsync(Guid hubId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var alliance = await db.Submissions
            .Where(s => s.HubId == hubId && s.Measure == Measure.Alliance && s.SubmittedAt <= asOf)
            .GroupBy(s => s.HubId)
            .Select(g => new MeanFigures(g.Sum(s => s.Score), g.Count(), g.Select(s => s.MemberId).Distinct().Count()))
            .FirstOrDefaultAsync(cancellationToken);
        return alliance ?? MeanFigures.None;
    }

    public async Task<int> CountWellbeingPeopleAsync(Guid hubId, string? department, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (months.Count == 0)
        {
            return 0;
        }

        var rows = WellbeingRows(hubId, months, asOf)
            .Where(r => department == null || r.Department == department)
            .Select(MonthOf<WellbeingRow>(months, r => r.SubmittedAt, r => new MonthRow { MemberId = r.MemberId }));
        return await rows.Where(r => r.Month >= 0).Select(r => r.MemberId).Distinct().CountAsync(cancellationToken);
    }

    public async Task<NewPeople> CountNewPeopleAsync(Guid hubId, DateTimeOffset? since, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var respondents = since is null
            ? await CountEveryoneAsync(hubId, asOf, cancellationToken)
            : await CountRespondentsSinceAsync(hubId, since.Value, asOf, cancellationToken);
        var departed = await DeparturesBetween(hubId, since, asOf)
            .GroupBy(d => d.HubId)
            .Select(g => new { Wellbeing = g.Count(d => d.HadWellbeing), Alliance = g.Count(d => d.HadAlliance) })
            .FirstOrDefaultAsync(cancellationToken);
        return new NewPeople(
            respondents.Wellbeing + (departed?.Wellbeing ?? 0),
            respondents.Alliance + (departed?.Alliance ?? 0),
            respondents.InAll);
    }

    /// <summary>
    /// Everybody up to asOf, for a hub's first snapshot and for a snapshot's total of contributors: the Wellbeing Index
    /// respondents are the summaries (one row each), so only the few alliance submissions are read, and those people
    /// without a summary are the ones the Wellbeing Index count has not already counted. It relies on the summaries
    /// being kept with every saved submission (see <see cref="ResponderSummaries"/>): a writer that bypasses the
    /// context must write them too.
    /// </summary>
    private async Task<NewPeople> CountEveryoneAsync(Guid hubId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var wellbeing = db.ResponderSummaries.Where(r => r.HubId == hubId && r.FirstAt <= asOf).Select(r => r.MemberId);
        var alliance = db.Submissions.Where(s => s.HubId == hubId && s.Measure == Measure.Alliance && s.SubmittedAt <= asOf).Select(s => s.MemberId).Distinct();
        var counts = await db.Hubs
            .Where(h => h.Id == hubId)
            .Select(_ => new { Wellbeing = wellbeing.Count(), Alliance = alliance.Count(), AllianceOnly = alliance.Count(m => !wellbeing.Contains(m)) })
            .SingleAsync(cancellationToken);
        return new NewPeople(counts.Wellbeing, counts.Alliance, counts.Wellbeing + counts.AllianceOnly);
    }

    /// <summary>
    /// Everybody who submitted in (since, asOf], usually a short range of the (HubId, SubmittedAt, ...) index. One pass:
    /// each person becomes one group with a flag per measure, and the groups are counted, where two COUNT(DISTINCT)s
    /// (per measure, then in all) would each sort the range.
    /// </summary>
    private async Task<NewPeople> CountRespondentsSinceAsync(Guid hubId, DateTimeOffset since, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var counts = await SubmissionsBetween(hubId, since, asOf)
            .GroupBy(s => s.MemberId)
            .Select(person => new
            {
                Wellbeing = person.Max(s => s.Measure == Measure.Wellbeing ? 1 : 0),
                Alliance = person.Max(s => s.Measure == Measure.Alliance ? 1 : 0),
            })
            .GroupBy(_ => 1)
            .Select(people => new NewPeople(people.Sum(p => p.Wellbeing), people.Sum(p => p.Alliance), people.Count()))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new NewPeople(0, 0, 0);
    }

    public async Task<IReadOnlyList<GroupPart>> CountNewPeopleByDepartmentAsync(Guid hubId, DateTimeOffset since, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var respondents = await (
                from s in SubmissionsBetween(hubId, since, asOf)
                join m in db.Members on s.MemberId equals m.Id
                where s.Measure == Measure.Wellbeing
                group s.MemberId by m.Department into department
                select new { Department = department.Key, People = department.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var departed = await DeparturesBetween(hubId, since, asOf)
            .Where(d => d.HadWellbeing)
            .GroupBy(d => d.Department)
            .Select(g => new { Department = g.Key, People = g.Count() })
            .ToListAsync(cancellationToken);
        return
        [
            .. respondents.Select(d => (Department: (string?)d.Department, d.People))
                .Concat(departed.Select(d => (d.Department, d.People)))
                .GroupBy(d => d.Department)
                .Select(g => GroupPart.Of(g.Key is null ? null : Segments.Department(g.Key), g.Sum(d => d.People))),
        ];
    }

    private IQueryable<Submission> SubmissionsBetween(Guid hubId, DateTimeOffset since, DateTimeOffset asOf) =>
        db.Submissions.Where(s => s.HubId == hubId && s.SubmittedAt > since && s.SubmittedAt <= asOf);

    private IQueryable<Departure> DeparturesBetween(Guid hubId, DateTimeOffset? since, DateTimeOffset asOf)
    {
        var from = since ?? DateTimeOffset.MinValue;
        return db.Departures.Where(d => d.HubId == hubId && d.At > from && d.At <= asOf);
    }

    /// <summary>The refresh looks at submissions from the start of the hub's first month (none at all without a month).</summary>
    private static DateTimeOffset WindowStart(IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf) => months.Count == 0 ? asOf : months[0].Start;

    private IQueryable<Submission> WellbeingSubmissions(Guid hubId, DateTimeOffset start, DateTimeOffset asOf) =>
        db.Submissions.Where(s => s.HubId == hubId && s.Measure == Measure.Wellbeing && s.SubmittedAt >= start && s.SubmittedAt <= asOf);

    private IQueryable<WellbeingRow> WellbeingRows(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf) =>
        from s in WellbeingSubmissions(hubId, WindowStart(months, asOf), asOf)
        join m in db.Members on s.MemberId equals m.Id
        select new WellbeingRow { MemberId = s.MemberId, Department = m.Department, Score = s.Score, SubmittedAt = s.SubmittedAt };

    /// <summary>
    /// <paramref name="row"/> with its Month set from <paramref name="submittedAt"/>: At &lt; end0 ? 0 : At &lt; end1 ? 1
    /// : ... : -1, a CASE in SQL. Months need not follow each other (a hidden month left out): a month after such a gap
    /// also checks its start, so the rows of the gap get -1 instead of the next month's index.
    /// </summary>
    private static Expression<Func<TRow, MonthRow>> MonthOf<TRow>(IReadOnlyList<ReportingMonth> months, Expression<Func<TRow, DateTimeOffset>> submittedAt, Expression<Func<TRow, MonthRow>> row)
    {
        var at = ReplacingExpressionVisitor.Replace(submittedAt.Parameters[0], row.Parameters[0], submittedAt.Body);
        var outside = Expression.Constant(-1);
        Expression index = outside;
        for (var i = months.Count - 1; i >= 0; i--)
        {
            Expression month = Expression.Constant(i);
            if (i > 0 && months[i].Start != months[i - 1].End)
            {
                month = Expression.Condition(Expression.LessThan(at, Parameter(months[i].Start)), outside, month);
            }

            index = Expression.Condition(Expression.LessThan(at, Parameter(months[i].End)), month, index);
        }

        var init = (MemberInitExpression)row.Body;
        var monthBinding = Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Month))!, index);
        return Expression.Lambda<Func<TRow, MonthRow>>(init.Update(init.NewExpression, [.. init.Bindings, monthBinding]), row.Parameters);
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

    private sealed class MonthTotals
    {
        public string? Department { get; init; }
        public int Month { get; init; }
        public decimal Sum { get; init; }
        public int Submissions { get; init; }
        public int People { get; init; }
    }

    private sealed class MonthRow
    {
        public Guid MemberId { get; init; }
        public string? Department { get; init; }
        public decimal Score { get; init; }
        public int Month { get; init; }
    }
}
