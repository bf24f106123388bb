using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Professionals;

/// <summary>A therapist, psychologist or coach who works with clients in one or more hubs.</summary>
public sealed class Professional : IAggregateRoot
{
    private readonly List<HubMembership> _hubs = [];

    private Professional()
    {
        DisplayName = string.Empty;
        Email = string.Empty;
        Title = string.Empty;
    }

    public Professional(string displayName, string email, string title)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException("A professional needs a name.");
        }

        Id = Guid.NewGuid();
        DisplayName = displayName.Trim();
        Email = email.Trim().ToLowerInvariant();
        Title = title.Trim();
    }

    public Guid Id { get; private set; }
    public string? UserId { get; private set; }
    public string DisplayName { get; private set; }
    public string Email { get; private set; }

    /// <summary>What clients see next to the name, e.g. "Psychologist" or "Coach".</summary>
    public string Title { get; private set; }

    public IReadOnlyCollection<HubMembership> Hubs => _hubs;

    public void LinkAccount(string userId) => UserId = userId;

    public void JoinHub(Guid hubId, DateTimeOffset at)
    {
        if (_hubs.All(h => h.HubId != hubId))
        {
            _hubs.Add(new HubMembership(Id, hubId, at));
        }
    }

    public bool BelongsTo(Guid hubId) => _hubs.Any(h => h.HubId == hubId);
}

/// <summary>A professional works in a hub: without it they see nothing of that hub.</summary>
public sealed class HubMembership
{
    private HubMembership()
    {
    }

    internal HubMembership(Guid professionalId, Guid hubId, DateTimeOffset joinedAt)
    {
        ProfessionalId = professionalId;
        HubId = hubId;
        JoinedAt = joinedAt;
    }

    public Guid ProfessionalId { get; private set; }
    public Guid HubId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
}
