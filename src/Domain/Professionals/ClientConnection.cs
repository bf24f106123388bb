using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;

namespace Wellbeing.Domain.Professionals;

/// <summary>A client works with a professional inside a hub. Sharing is offered per connection.</summary>
public sealed class ClientConnection : IAggregateRoot
{
    private ClientConnection()
    {
    }

    public ClientConnection(Guid hubId, Guid memberId, Guid professionalId, DateTimeOffset connectedAt)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        MemberId = memberId;
        ProfessionalId = professionalId;
        ConnectedAt = connectedAt;
    }

    /// <summary>
    /// Connects a member to a professional of the member's own hub. Hubs never see each other (SPEC, roles: a
    /// professional sees clients connected to them in hubs they belong to; every hub's data is isolated), so a professional who is not in the member's hub is refused, and so is
    /// a deactivated member, who is out of the programme.
    /// </summary>
    /// <param name="at">UTC time of the connection.</param>
    /// <exception cref="DomainException">The member is deactivated, or the professional does not work in the member's hub.</exception>
    public static ClientConnection Between(Member member, Professional professional, DateTimeOffset at)
    {
        if (!member.IsActive)
        {
            throw new DomainException("This member is deactivated. Reactivate them before connecting them to a professional.");
        }

        if (!professional.BelongsTo(member.HubId))
        {
            throw new DomainException("This professional does not work in this member's hub. Add them to the hub first.");
        }

        return new ClientConnection(member.HubId, member.Id, professional.Id, at);
    }

    /// <summary>
    /// Ends the connection. Refused while a session of the pair is booked and not ended, which the professional could
    /// then neither see nor end.
    /// </summary>
    /// <param name="openSessions">The pair's sessions in this hub that are not ended.</param>
    /// <exception cref="DomainException">A session is still open.</exception>
    public static void EnsureMayEnd(int openSessions)
    {
        if (openSessions > 0)
        {
            throw new DomainException(
                $"This client has {openSessions} {(openSessions == 1 ? "session" : "sessions")} with the professional that {(openSessions == 1 ? "is" : "are")} not ended. End {(openSessions == 1 ? "it" : "them")} first.");
        }
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public DateTimeOffset ConnectedAt { get; private set; }
}
