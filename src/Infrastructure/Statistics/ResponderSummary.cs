namespace Wellbeing.Infrastructure.Statistics;

/// <summary>
/// A member's first Wellbeing Index score and when they gave it: the start of every trend in a period block
/// ("period score against first score"), which would otherwise need each respondent's whole history. The context
/// keeps it in the same transaction as the submissions (see <see cref="ResponderSummaries"/>), and the row is deleted
/// with its member (cascade), so an account deletion leaves nothing of the person behind.
/// </summary>
public sealed class ResponderSummary
{
    private ResponderSummary()
    {
    }

    public ResponderSummary(Guid memberId, Guid hubId)
    {
        MemberId = memberId;
        HubId = hubId;
    }

    public Guid MemberId { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>UTC time of the member's first Wellbeing Index submission.</summary>
    public DateTimeOffset FirstAt { get; private set; }

    /// <summary>Its score, 0-100.</summary>
    public decimal FirstScore { get; private set; }

    /// <summary>Concurrency token: two saves of one member at the same moment must not both decide what came first.</summary>
    public int Version { get; private set; }

    private bool IsEmpty => Version == 0;

    /// <summary>Of two submissions at the same instant, the first recorded stays the first.</summary>
    public void Record(DateTimeOffset submittedAt, decimal score)
    {
        if (IsEmpty || submittedAt < FirstAt)
        {
            FirstAt = submittedAt;
            FirstScore = score;
            Version++;
        }
    }
}
