using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Statistics;

/// <summary>
/// The published HR figures of one hub for one closed reporting period, for the whole hub and every department,
/// computed once after the period closed and never changed afterwards: later answers, account deletions, department
/// moves and deactivations leave it as it is. Every figure HR can see is a function of these blocks only, so the
/// difference between any two views is a whole block that already passed the privacy rules.
/// The rules in force when it was computed are kept with it, so a figure can always be explained later.
/// </summary>
public sealed class PeriodBlock : IAggregateRoot
{
    private readonly List<Cell> _cells = [];

    private PeriodBlock()
    {
        PeriodKey = string.Empty;
    }

    public PeriodBlock(Guid hubId, ReportingPeriod period, DateTimeOffset publishedAt, PrivacyThresholds thresholds, IEnumerable<Cell> cells)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        PeriodKey = period.Key;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        PublishedAt = publishedAt;
        K = thresholds.K;
        KDistribution = thresholds.KDistribution;
        _cells.AddRange(cells);
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>"2026-05" or "2026-Q2" (see <see cref="ReportingPeriod"/>).</summary>
    public string PeriodKey { get; private set; }

    /// <summary>UTC start of the period, inclusive; unique per hub, so one period is published once.</summary>
    public DateTimeOffset PeriodStart { get; private set; }

    /// <summary>UTC end of the period, exclusive.</summary>
    public DateTimeOffset PeriodEnd { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
    public int K { get; private set; }
    public int KDistribution { get; private set; }
    public IReadOnlyList<Cell> Cells => _cells;

    public ReportingPeriod Period => new(PeriodKey, PeriodStart, PeriodEnd);

    /// <summary>Every department the block has cells for, in name order.</summary>
    public IReadOnlyList<string> Departments =>
        [.. _cells.Select(c => c.Scope.Department).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
}
