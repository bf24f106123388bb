using Ardalis.Specification;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Common.Specifications.Shared;

/// <summary>A client's sessions with one professional, newest first.</summary>
public sealed class PairSessionsSpec : Specification<CareSession>
{
    public PairSessionsSpec(Guid memberId, Guid professionalId) =>
        Query.Where(s => s.MemberId == memberId && s.ProfessionalId == professionalId).OrderByDescending(s => s.SequenceNumber).AsNoTracking();
}

/// <summary>The highest number among a client's sessions with one professional (none: no row).</summary>
public sealed class LastSessionNumberSpec : Specification<CareSession, int>
{
    public LastSessionNumberSpec(Guid memberId, Guid professionalId)
    {
        Query.Where(s => s.MemberId == memberId && s.ProfessionalId == professionalId).OrderByDescending(s => s.SequenceNumber);
        Query.Select(s => s.SequenceNumber);
    }
}

public sealed class SessionByIdSpec : Specification<CareSession>
{
    public SessionByIdSpec(Guid id) => Query.Where(s => s.Id == id).AsNoTracking();
}

public sealed class SessionsByIdsSpec : Specification<CareSession>
{
    public SessionsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(s => ids.Contains(s.Id)).AsNoTracking();
}
