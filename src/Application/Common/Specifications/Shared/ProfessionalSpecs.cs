using Ardalis.Specification;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Common.Specifications.Shared;

public sealed class ProfessionalByUserIdSpec : Specification<Professional>
{
    public ProfessionalByUserIdSpec(string userId) => Query.Where(p => p.UserId == userId).Include(p => p.Hubs).AsNoTracking();
}

public sealed class ProfessionalsByIdsSpec : Specification<Professional>
{
    public ProfessionalsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(p => ids.Contains(p.Id)).AsNoTracking();
}
