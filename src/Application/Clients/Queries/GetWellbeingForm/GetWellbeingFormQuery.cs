using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Queries.GetWellbeingForm;

public sealed record GetWellbeingFormQuery(string UserId);

/// <param name="SubmissionId">Fresh for every rendering of the form; posting it twice saves one submission.</param>
public sealed record WellbeingFormDto(Survey Survey, Guid SubmissionId);

public sealed class GetWellbeingFormHandler(IRepository<Member> members, ISurveyCatalogue catalogue)
{
    public async Task<WellbeingFormDto> Handle(GetWellbeingFormQuery query, CancellationToken cancellationToken)
    {
        await members.OfUserAsync(query.UserId, cancellationToken);
        return new WellbeingFormDto(catalogue.Current(Measure.Wellbeing), Guid.NewGuid());
    }
}
