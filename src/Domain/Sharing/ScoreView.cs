using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Sharing;

/// <summary>A professional looked at a client's shared scores; the client can see every such view.</summary>
public sealed class ScoreView : IAggregateRoot
{
    private ScoreView()
    {
    }

    public ScoreView(Guid hubId, Guid memberId, Guid professionalId, DateTimeOffset viewedAt)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        MemberId = memberId;
        ProfessionalId = professionalId;
        ViewedAt = viewedAt;
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public DateTimeOffset ViewedAt { get; private set; }
}
