using Ardalis.Specification;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Common.Specifications.Shared;

public sealed class LicencesOfHubSpec : Specification<InstrumentLicence>
{
    public LicencesOfHubSpec(Guid hubId) => Query.Where(l => l.HubId == hubId).AsNoTracking();
}

public sealed class AllInstrumentLicencesSpec : Specification<InstrumentLicence>
{
    public AllInstrumentLicencesSpec() => Query.OrderBy(l => l.RecordedAt).AsNoTracking();
}
