using Wellbeing.Domain.Common;

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

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public DateTimeOffset ConnectedAt { get; private set; }
}
