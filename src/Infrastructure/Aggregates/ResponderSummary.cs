namespace Wellbeing.Infrastructure.Aggregates;

/// <summary>
/// One member's Wellbeing Index submissions folded into what the refresh needs of a responder: how many, the first
/// score and the latest. The context keeps it in the same transaction as the submissions it summarises (see
/// <see cref="ResponderSummaries"/>), so the refresh reads one row per member instead of every submission; the row is
/// deleted with its member (cascade), so an account deletion leaves nothing of the person behind.
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
    public int Submissions { get; private set; }
    public DateTimeOffset FirstAt { get; private set; }
    public decimal FirstScore { get; private set; }
    public DateTimeOffset LatestAt { get; private set; }
    public decimal LatestScore { get; private set; }

    /// <summary>Concurrency token: two submissions of one member saved at the same moment must not both add to the same old count.</summary>
    public int Version { get; private set; }

    /// <summary>Of two submissions at the same instant, the first recorded stays the first and the last recorded becomes the latest.</summary>
    public void Record(DateTimeOffset submittedAt, decimal score)
    {
        if (Submissions == 0 || submittedAt < FirstAt)
        {
            FirstAt = submittedAt;
            FirstScore = score;
        }

        if (Submissions == 0 || submittedAt >= LatestAt)
        {
            LatestAt = submittedAt;
            LatestScore = score;
        }

        Submissions++;
        Version++;
    }
}
