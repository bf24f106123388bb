using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.FunctionalTests.Statistics.Simulation;

/// <summary>One member of a simulated hub over time, as the database would hold them at any instant.</summary>
internal sealed class SimulatedMember(DateTimeOffset enrolledAt, string? department)
{
    public Guid Id { get; } = Guid.NewGuid();
    public DateTimeOffset EnrolledAt { get; } = enrolledAt;

    /// <summary>The department from each instant on, oldest first; a move from an HRIS adds one.</summary>
    public List<(DateTimeOffset From, string? Department)> Departments { get; } = [(enrolledAt, department)];

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>When an administrator brought the deactivated member back (Member.Reactivate clears the deactivation).</summary>
    public DateTimeOffset? ReactivatedAt { get; set; }

    /// <summary>When the member deleted their account, with every answer they gave.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Wellbeing Index answers, oldest first.</summary>
    public List<SimulatedAnswer> Wellbeing { get; } = [];

    /// <summary>Alliance ratings, oldest first.</summary>
    public List<SimulatedAnswer> Alliance { get; } = [];

    /// <summary>The end of the member's answering: a deactivation never undone, deletion or the end of the history.</summary>
    public DateTimeOffset LeavesAt(DateTimeOffset end) => new[] { ReactivatedAt is null ? DeactivatedAt ?? end : end, DeletedAt ?? end, end }.Min();

    /// <summary>Whether the member was out of the programme at <paramref name="at"/>: deactivated and not yet back.</summary>
    public bool AwayAt(DateTimeOffset at) => DeactivatedAt <= at && !(ReactivatedAt <= at);

    public bool ExistsAt(DateTimeOffset now) => EnrolledAt <= now && !(DeletedAt <= now);

    public string? DepartmentAt(DateTimeOffset now) => Departments.Last(d => d.From <= now).Department;

    /// <summary>The deactivation as stored at <paramref name="now"/>: none before it happened, none again once reactivated.</summary>
    public DateTimeOffset? DeactivatedAsOf(DateTimeOffset now) => AwayAt(now) ? DeactivatedAt : null;
}

/// <summary>
/// One answer: submitted at <see cref="SubmittedAt"/>, in the database from <see cref="SavedAt"/> on (later for an
/// answer still in flight at a period's end), score 0-100 for the Wellbeing Index or 1-7 for an alliance rating.
/// </summary>
internal sealed record SimulatedAnswer(DateTimeOffset SubmittedAt, DateTimeOffset SavedAt, decimal Score)
{
    public bool IsIn(ReportingPeriod period) => SubmittedAt >= period.Start && SubmittedAt < period.End;
}

/// <summary>
/// A random hub and its random history: departments of random sizes (tiny and empty ones included) and people
/// without one, members joining late, moving department (up to three times), being deactivated (and some reactivated
/// later, as an administrator does on the members page) or deleting their account, Wellbeing Index
/// answers (0-100 in steps of 4, some departments uniform, some drifting one way, so that homogeneous groups and
/// trends are common), alliance ratings, answers saved after their period ended, a switch from months to quarters in
/// some hubs, and the times at which publication runs (many just around a period's end and its hour of grace).
/// Everything follows from the seed.
/// </summary>
internal sealed class SimulatedHistory
{
    private static readonly string[] Zones = ["UTC", "Europe/London", "America/Asuncion", "Pacific/Auckland", "Asia/Kolkata"];
    private static readonly int[] DepartmentSizes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30];
    private static readonly int[] Spreads = [0, 8, 30, 60, 100];

    private SimulatedHistory(int seed)
    {
        var random = new Random(seed);
        Seed = seed;
        var created = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 240));
        End = created.AddDays(random.Next(45, 200));

        var k = random.Next(3, 8);
        var settings = HubSettings.Defaults().WithPrivacy(k, k + random.Next(0, 9));
        if (random.Next(4) == 0)
        {
            var poorUpTo = random.Next(10, 45);
            settings = settings.WithInterpretation(poorUpTo, poorUpTo + random.Next(8, 40), random.Next(4, 25), 4.0m, 1.0m);
        }

        Hub = new Hub("Simulated hub", "Simulated organisation", $"simulated-{(uint)seed}", Zones[random.Next(Zones.Length)], created);
        Hub.ChangeSettings(settings);
        QuartersFrom = random.Next(5) == 0 ? Between(random, created, End) : null;

        string?[] departments = [.. Enumerable.Range(0, random.Next(1, 6)).Select(i => $"D{i}"), null];
        foreach (var department in departments)
        {
            var size = department is null ? random.Next(0, 4) : DepartmentSizes[random.Next(DepartmentSizes.Length)];
            var centre = random.Next(0, 101);
            var spread = Spreads[random.Next(Spreads.Length)];
            var drift = random.Next(3) == 0 ? random.Next(-25, 26) : 0;
            for (var i = 0; i < size; i++)
            {
                var member = new SimulatedMember(random.Next(5) == 0 ? Between(random, created, End) : created, department);
                Members.Add(member);
                Live(random, member, departments, centre, spread, drift);
            }
        }

        Runs = [.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => RunTime(random)).Append(End.AddDays(100)).Order()];
    }

    public int Seed { get; }
    public Hub Hub { get; }
    public DateTimeOffset End { get; }

    /// <summary>When the hub switches to quarters, if it does.</summary>
    public DateTimeOffset? QuartersFrom { get; }

    public List<SimulatedMember> Members { get; } = [];

    /// <summary>When publication runs, oldest first; the last one long after the end, when every period has closed.</summary>
    public IReadOnlyList<DateTimeOffset> Runs { get; }

    public static SimulatedHistory Generate(int seed) => new(seed);

    /// <summary>What changes the hub itself by <paramref name="now"/>: the switch to quarters.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (QuartersFrom <= now && Hub.Settings.ReportingPeriod != ReportingPeriodLength.Quarter)
        {
            Hub.ChangeSettings(Hub.Settings.WithReportingPeriod(ReportingPeriodLength.Quarter));
        }
    }

    public override string ToString() =>
        $"hub of {Members.Count} in {Hub.TimeZoneId} from {Hub.CreatedAt:u}, k {Hub.Settings.K}, k_dist {Hub.Settings.KDistribution}" +
        (QuartersFrom is { } switched ? $", quarters from {switched:u}" : string.Empty);

    private static DateTimeOffset Between(Random random, DateTimeOffset from, DateTimeOffset to) =>
        from.AddMinutes(random.NextDouble() * (to - from).TotalMinutes);

    /// <summary>A member's answers, moves, deactivation and deletion.</summary>
    private void Live(Random random, SimulatedMember member, string?[] departments, int centre, int spread, int drift)
    {
        if (random.Next(7) == 0)
        {
            member.DeactivatedAt = Between(random, member.EnrolledAt, End);
            if (random.Next(2) == 0)
            {
                member.ReactivatedAt = Between(random, member.DeactivatedAt.Value, End);
            }
        }

        if (random.Next(8) == 0)
        {
            member.DeletedAt = Between(random, member.EnrolledAt, End);
        }

        if (random.Next(6) == 0)
        {
            // Moves in time order, so the latest stored department is the last one listed.
            foreach (var at in Enumerable.Range(0, random.Next(1, 4)).Select(_ => Between(random, member.EnrolledAt, End)).Order())
            {
                member.Departments.Add((at, departments[random.Next(departments.Length)]));
            }
        }

        var willingness = 0.3 + (0.7 * random.NextDouble());
        var leaves = member.LeavesAt(End);
        for (var at = member.EnrolledAt.AddHours(random.Next(1, 24 * 14)); at < leaves; at = at.AddHours(random.Next(24 * 5, 24 * 25)))
        {
            if (random.NextDouble() > willingness || member.AwayAt(at))
            {
                continue;
            }

            // Most answers are saved at once; a few arrive minutes to hours later, past a period's end and its grace.
            var saved = random.Next(15) == 0 ? at.AddMinutes(random.Next(0, 180)) : at;
            var months = (decimal)(at - Hub.CreatedAt).TotalDays / 30;
            var score = Math.Clamp(Math.Round((centre + drift * months + random.Next(-spread, spread + 1)) / 4) * 4, 0, 100);
            member.Wellbeing.Add(new SimulatedAnswer(at, saved, score));
            if (random.Next(3) == 0)
            {
                member.Alliance.Add(new SimulatedAnswer(at.AddMinutes(30), at.AddMinutes(30), 1 + (random.Next(0, 25) / 4m)));
            }
        }
    }

    /// <summary>Half the runs at any time, half in the two and a half hours around some month's end.</summary>
    private DateTimeOffset RunTime(Random random)
    {
        var at = Between(random, Hub.CreatedAt, End.AddDays(40));
        return random.Next(2) == 0
            ? at
            : ReportingPeriod.Containing(at, ReportingPeriodLength.Month, Hub.TimeZoneId).End.AddMinutes(random.Next(-30, 120));
    }
}
