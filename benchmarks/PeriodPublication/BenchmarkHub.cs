using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Statistics;

namespace Wellbeing.Benchmarks.PeriodPublication;

/// <summary>
/// The benchmark's hub, generated the same way every time from fixed seeds: <see cref="MemberCount"/> members created
/// with the hub on 1 November 2025 (Europe/London), each answering the Wellbeing Index every 14 days for a year (26
/// answers), one in ten also rating a professional about once a month (12 ratings). About one member in 25 has no
/// department; the eight departments have different sizes, from half a percent of the hub to a quarter of it.
/// </summary>
internal sealed class BenchmarkHub(int memberCount)
{
    public const string Slug = "benchmark";
    public const string TimeZone = "Europe/London";
    public const int WellbeingAnswers = 26;
    public const int AllianceRatings = 12;
    public const int Professionals = 20;

    /// <summary>Midnight of 1 November 2025 in London (GMT), the hub's creation and everyone's enrolment.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The period the benchmark publishes: the year's last month, when nearly every respondent has an earlier first score.</summary>
    public static readonly ReportingPeriod Timed = ReportingPeriod.Containing(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero), ReportingPeriodLength.Month, TimeZone);

    /// <summary>Two hours after <see cref="Timed"/> ended: it is closed (grace: one hour), the next month is not.</summary>
    public static DateTimeOffset TimedPeriodClosed => Timed.End.AddHours(2);

    /// <summary>Two hours after the month before <see cref="Timed"/> ended: every earlier month is closed, <see cref="Timed"/> is not.</summary>
    public static DateTimeOffset EarlierPeriodsClosed => Timed.Start.AddHours(2);

    // Share of the hub per department, in percent; the remaining 4 % have no department.
    private static readonly (string Name, int Percent)[] Departments =
    [
        ("Operations", 25), ("Engineering", 20), ("Sales", 15), ("Support", 12),
        ("Finance", 9), ("Marketing", 8), ("Legal", 6), ("People", 1),
    ];

    public int MemberCount { get; } = memberCount;

    public int WellbeingSubmissionCount => MemberCount * WellbeingAnswers;

    public int AllianceSubmissionCount => Enumerable.Range(0, MemberCount).Count(RatesAProfessional) * AllianceRatings;

    public IEnumerable<BenchmarkMember> Members()
    {
        var random = new Random(MemberCount);
        for (var number = 0; number < MemberCount; number++)
        {
            var id = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), [.. Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256))]);
            yield return new BenchmarkMember(id, number, DepartmentFor(random.Next(100)));
        }
    }

    /// <summary>
    /// A member's Wellbeing Index answers, oldest first: WHO-5 raw scores 0-25 around a personal baseline that drifts
    /// up or down over the year (so every trend direction and bracket occurs), at a personal time of day.
    /// </summary>
    public static IEnumerable<BenchmarkSubmission> WellbeingSubmissions(BenchmarkMember member)
    {
        var random = new Random(member.Number);
        var firstDay = random.Next(14);
        var baseline = random.Next(4, 23);
        var drift = (random.NextDouble() - 0.5) * 0.4;
        for (var i = 0; i < WellbeingAnswers; i++)
        {
            var at = CreatedAt.AddDays(firstDay + (14 * i)).AddMinutes(random.Next(24 * 60));
            var raw = Math.Clamp((int)Math.Round(baseline + (drift * i)) + random.Next(-3, 4), 0, 25);
            yield return new BenchmarkSubmission(NewId(random), at, raw, raw * 4m);
        }
    }

    /// <summary>A member's alliance ratings (means of five answers 1-7, so steps of 0.2), oldest first; none for most members.</summary>
    public static IEnumerable<BenchmarkSubmission> AllianceSubmissions(BenchmarkMember member)
    {
        if (!RatesAProfessional(member.Number))
        {
            yield break;
        }

        var random = new Random(-1 - member.Number);
        var firstDay = random.Next(30);
        for (var i = 0; i < AllianceRatings; i++)
        {
            var at = CreatedAt.AddDays(firstDay + (30 * i)).AddMinutes(random.Next(24 * 60));
            var mean = random.Next(15, 36) / 5m;
            yield return new BenchmarkSubmission(NewId(random), at, mean, mean);
        }
    }

    /// <summary>The professional a member rates: one of <see cref="Professionals"/>, by number.</summary>
    public static int ProfessionalOf(BenchmarkMember member) => member.Number % Professionals;

    /// <summary>What the context would have kept while the member's answers were saved one by one.</summary>
    public static ResponderSummary SummaryOf(BenchmarkMember member, Guid hubId)
    {
        var summary = new ResponderSummary(member.Id, hubId);
        foreach (var submission in WellbeingSubmissions(member))
        {
            summary.Record(submission.At, submission.Score);
        }

        return summary;
    }

    private static bool RatesAProfessional(int number) => number % 10 == 3;

    private static string? DepartmentFor(int percentile)
    {
        foreach (var (name, percent) in Departments)
        {
            if (percentile < percent)
            {
                return name;
            }

            percentile -= percent;
        }

        return null;
    }

    private static Guid NewId(Random random) => new([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]);
}

internal sealed record BenchmarkMember(Guid Id, int Number, string? Department);

/// <param name="Raw">The instrument's raw score (WHO-5: 0-25; alliance: the mean).</param>
/// <param name="Score">What statistics use: WHO-5 0-100, alliance 1-7.</param>
internal sealed record BenchmarkSubmission(Guid Id, DateTimeOffset At, decimal Raw, decimal Score);
