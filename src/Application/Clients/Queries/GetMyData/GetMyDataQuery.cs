using Ardalis.Specification;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Clients.Queries.GetMyData;

public sealed record GetMyDataQuery(string UserId);

/// <param name="Emails">The member's choice for every <see cref="EmailTopic"/>, in the enum's order.</param>
public sealed record MyDataDto(string Name, string Email, IReadOnlyList<EmailPreferenceDto> Emails, int WellbeingSubmissions, int AllianceSubmissions);

/// <param name="Receives">False when the member turned the topic off.</param>
public sealed record EmailPreferenceDto(EmailTopic Topic, bool Receives);

public sealed class GetMyDataHandler(IRepository<Member> members, IRepository<Submission> submissions)
{
    public async Task<MyDataDto> Handle(GetMyDataQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var measures = await submissions.ListAsync(new MeasuresOfMemberSpec(member.Id), cancellationToken);
        return new MyDataDto(
            member.DisplayName,
            member.Email,
            [.. Enum.GetValues<EmailTopic>().Select(topic => new EmailPreferenceDto(topic, member.Receives(topic)))],
            measures.Count(m => m == Measure.Wellbeing),
            measures.Count(m => m == Measure.Alliance));
    }
}

public sealed class MeasuresOfMemberSpec : Specification<Submission, Measure>
{
    public MeasuresOfMemberSpec(Guid memberId)
    {
        Query.Where(s => s.MemberId == memberId);
        Query.Select(s => s.Measure);
    }
}
