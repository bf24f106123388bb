using Wellbeing.Domain.Common;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Domain.Sharing;

/// <summary>
/// The clients list's read model: what one professional may see now of one measure of one client, one row per active
/// share grant. It is never edited on its own: <see cref="SharedScores.Derive"/> computes every row from the grants and
/// the submissions, and the persistence layer writes that result in the same transaction as the change it follows.
/// </summary>
public sealed class SharedScore
{
    private SharedScore()
    {
    }

    /// <param name="latest">The newest score of the measure (WHO-5 0-100, alliance mean 1-7), null while there is none.</param>
    /// <param name="previous">The one before it, null while there is none; the alliance flags compare the two.</param>
    public SharedScore(Guid memberId, Guid professionalId, Measure measure, decimal? latest, decimal? previous)
    {
        MemberId = memberId;
        ProfessionalId = professionalId;
        Measure = measure;
        Latest = latest;
        Previous = previous;
    }

    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public Measure Measure { get; private set; }
    public decimal? Latest { get; private set; }
    public decimal? Previous { get; private set; }

    /// <summary>Takes the scores of a row derived for the same member, professional and measure.</summary>
    /// <exception cref="DomainException">The row is about another member, professional or measure.</exception>
    public void Take(SharedScore derived)
    {
        if ((derived.MemberId, derived.ProfessionalId, derived.Measure) != (MemberId, ProfessionalId, Measure))
        {
            throw new DomainException("A shared score takes only the scores derived for its own member, professional and measure.");
        }

        Latest = derived.Latest;
        Previous = derived.Previous;
    }
}

/// <summary>
/// A submission's score with what decides who may see it: the member, the measure and, for an alliance rating, the
/// professional it is about. Enough to derive <see cref="SharedScore"/> rows without loading answers.
/// </summary>
/// <param name="SubmittedAt">UTC.</param>
public sealed record SubmittedScore(Guid SubmissionId, Guid MemberId, Measure Measure, Guid? ProfessionalId, DateTimeOffset SubmittedAt, decimal Score)
{
    public static SubmittedScore Of(Submission submission) =>
        new(submission.Id, submission.MemberId, submission.Measure, submission.ProfessionalId, submission.SubmittedAt, submission.Score);
}
