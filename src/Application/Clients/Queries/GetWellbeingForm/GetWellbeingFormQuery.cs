using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Queries.GetWellbeingForm;

public sealed record GetWellbeingFormQuery(string UserId);

/// <param name="SubmissionId">Fresh for every rendering of the form; posting it twice saves one submission.</param>
/// <param name="MayBeUsed">False while the hub's permission for the instrument is not recorded: show a notice instead of the form.</param>
public sealed record WellbeingFormDto(Survey Survey, Guid SubmissionId, bool MayBeUsed);

public sealed class GetWellbeingFormHandler(IRepository<Member> members, IRepository<InstrumentLicence> licences, ISurveyCatalogue catalogue)
{
    public async Task<WellbeingFormDto> Handle(GetWellbeingFormQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var survey = catalogue.Current(Measure.Wellbeing);
        var mayBeUsed = survey.MayBeUsedIn(member.HubId, await licences.ListAsync(new LicencesOfHubSpec(member.HubId), cancellationToken));
        return new WellbeingFormDto(survey, Guid.NewGuid(), mayBeUsed);
    }
}
