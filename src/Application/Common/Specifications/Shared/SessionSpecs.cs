using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Common.Specifications.Shared;

/// <summary>A client's sessions with one professional, newest first: their count numbers the next one.</summary>
public sealed class PairSessionsSpec : Specification<CareSession>
{
    public PairSessionsSpec(Guid memberId, Guid professionalId) =>
        Query.Where(s => s.MemberId == memberId && s.ProfessionalId == professionalId).OrderByDescending(s => s.SequenceNumber);
}
