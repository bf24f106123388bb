using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Messaging;

/// <summary>
/// Which hubs may be sent Wellbeing Index reminders and follow-ups: exactly those whose clients may be shown the
/// measure's current instrument (<see cref="Survey.MayBeUsedIn"/>; the WHO-5 needs the hub's recorded permission). A
/// reminder to a form the member cannot open would only be a broken promise, so both the reminder job and the sender
/// ask this one place.
/// </summary>
public sealed class WellbeingIndexLicences(IRepository<InstrumentLicence> licences, ISurveyCatalogue catalogue)
{
    /// <summary>The subset of <paramref name="hubIds"/> whose current Wellbeing Index may be used now; one query.</summary>
    public async Task<IReadOnlySet<Guid>> HubsThatMayUseAsync(IReadOnlyCollection<Guid> hubIds, CancellationToken cancellationToken)
    {
        var survey = catalogue.Current(Measure.Wellbeing);
        var recorded = await licences.ListAsync(new LicencesOfHubsSpec(hubIds), cancellationToken);
        return hubIds.Where(hubId => survey.MayBeUsedIn(hubId, recorded)).ToHashSet();
    }
}
