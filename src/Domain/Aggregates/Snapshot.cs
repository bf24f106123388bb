using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Aggregates;

/// <summary>
/// A published set of anonymised statistics for one hub, as of one moment. HR reads only snapshots, never submissions.
/// The rules in force when it was computed are kept with it, so a figure can always be explained later.
/// </summary>
public sealed class Snapshot : IAggregateRoot
{
    private readonly List<Aggregate> _aggregates = [];

    private Snapshot()
    {
    }

    public Snapshot(Guid hubId, DateTimeOffset asOf, int k, int kDistribution, int contributors, IEnumerable<Aggregate> aggregates)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        AsOf = asOf;
        K = k;
        KDistribution = kDistribution;
        Contributors = contributors;
        _aggregates.AddRange(aggregates);
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public DateTimeOffset AsOf { get; private set; }
    public int K { get; private set; }
    public int KDistribution { get; private set; }

    /// <summary>Distinct people who had responded by <see cref="AsOf"/>; the next snapshot needs k more.</summary>
    public int Contributors { get; private set; }

    public IReadOnlyList<Aggregate> Aggregates => _aggregates;
}

/// <summary>
/// One published cell. A suppressed cell has neither value nor count, so "none" and "a few" look the same.
/// </summary>
public sealed class Aggregate
{
    private Aggregate()
    {
        Metric = string.Empty;
    }

    public Aggregate(string metric, decimal? value, int? people, string? segment = null, string? period = null, string? category = null)
    {
        if ((value is null) != (people is null))
        {
            throw new DomainException("A published cell has both a value and its count of people, or neither.");
        }

        Id = Guid.NewGuid();
        Metric = metric;
        Value = value;
        People = people;
        Segment = segment;
        Period = period;
        Category = category;
    }

    public Guid Id { get; private set; }
    public Guid SnapshotId { get; private set; }
    public string Metric { get; private set; }

    /// <summary>"department=Sales" for a segment cell; null for the whole hub.</summary>
    public string? Segment { get; private set; }

    /// <summary>"2026-05" for a monthly cell; null for all-time.</summary>
    public string? Period { get; private set; }

    /// <summary>A bracket or trend direction for distribution cells.</summary>
    public string? Category { get; private set; }

    public decimal? Value { get; private set; }
    public int? People { get; private set; }

    /// <summary>
    /// When the figure was computed, if earlier than its snapshot: a department without k new people keeps the
    /// figures HR has already seen (rule 5). Null for a figure computed for its own snapshot.
    /// </summary>
    public DateTimeOffset? AsOf { get; private set; }

    public bool IsSuppressed => Value is null;

    /// <summary>The same figure for a later snapshot, still dated to when it was computed.</summary>
    public Aggregate KeptFrom(Snapshot earlier) =>
        new(Metric, Value, People, Segment, Period, Category) { AsOf = AsOf ?? earlier.AsOf };
}
