using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Queries.GetAllianceForm;

public sealed record GetAllianceFormQuery(string UserId, Guid SessionId);

public sealed record AllianceFormDto(Survey Survey, Guid SessionId, string ProfessionalName, DateTimeOffset SessionEndedAt, DateTimeOffset ExpiresAt, string TimeZoneId);

public sealed class GetAllianceFormHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<CareSession> sessions,
    IRepository<Professional> professionals,
    ISurveyCatalogue catalogue,
    TimeProvider clock)
{
    /// <exception cref="NotFoundException">The session is not the signed-in client's own.</exception>
    /// <exception cref="ConflictException">The survey for this session was already answered.</exception>
    /// <exception cref="DomainException">The session has no open invitation (never invited, or expired).</exception>
    public async Task<AllianceFormDto> Handle(GetAllianceFormQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var session = await sessions.FirstOrDefaultAsync(new SessionOfMemberSpec(query.SessionId, member.Id), cancellationToken)
            ?? throw new NotFoundException("Session");
        AllianceInvitation.EnsureOpen(session, clock.GetUtcNow());

        var hub = await hubs.OfMemberAsync(member, cancellationToken);
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalsByIdsSpec([session.ProfessionalId]), cancellationToken)
            ?? throw new NotFoundException("Professional");
        return new AllianceFormDto(catalogue.Current(Measure.Alliance), session.Id, professional.DisplayName, session.EndedAt!.Value, session.InvitationExpiresAt!.Value, hub.TimeZoneId);
    }
}
