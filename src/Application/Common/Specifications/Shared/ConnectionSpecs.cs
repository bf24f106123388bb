using Ardalis.Specification;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Common.Specifications.Shared;

/// <summary>The professional works with this member in one of the given hubs (the professional's own).</summary>
public sealed class ConnectionSpec : Specification<ClientConnection>
{
    public ConnectionSpec(Guid professionalId, Guid memberId, IReadOnlyCollection<Guid> hubIds) =>
        Query.Where(c => c.ProfessionalId == professionalId && c.MemberId == memberId && hubIds.Contains(c.HubId)).AsNoTracking();
}
