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
        Email = EmailAddresses.Normalise(email);
        Title = title.Trim();
    }

    public Guid Id { get; private set; }
    public string? UserId { get; private set; }
    public string DisplayName { get; private set; }
    public string Email { get; private set; }

    /// <summary>What clients see next to the name, e.g. "Psychologist" or "Coach".</summary>
    public string Title { get; private set; }

    public IReadOnlyCollection<HubMembership> Hubs => _hubs;

    /// <summary>Links the professional's sign-in account; linking the same account again changes nothing.</summary>
    /// <exception cref="DomainException">The professional already has another account: one person, one account, never taken over by a second.</exception>
    public void LinkAccount(string userId)
    {
        if (UserId is not null && UserId != userId)
        {
            throw new DomainException("This professional already has an account.");
        }

        UserId = userId;
    }

    /// <summary>Lets the professional work in a hub from <paramref name="at"/> (UTC); a hub they already work in keeps its first date.</summary>
    public void JoinHub(Guid hubId, DateTimeOffset at)
    {
        if (_hubs.All(h => h.HubId != hubId))
        {
            _hubs.Add(new HubMembership(Id, hubId, at));
        }
    }

    public bool BelongsTo(Guid hubId) => _hubs.Any(h => h.HubId == hubId);

    /// <summary>
    /// Takes the professional out of a hub. Refused while they still have clients connected there: those clients'
    /// sharing and sessions are with this professional in this hub, and would point at someone no longer in it. A
    /// professional not in the hub is left as they are.
    /// </summary>
    /// <param name="clientsInHub">How many clients the professional is connected to in <paramref name="hubId"/>.</param>
    /// <exception cref="DomainException">The professional still has clients in the hub.</exception>
    public void LeaveHub(Guid hubId, int clientsInHub)
    {
        if (clientsInHub > 0)
        {
            throw new DomainException(
                $"This professional still works with {clientsInHub} {(clientsInHub == 1 ? "client" : "clients")} in this hub. Disconnect them first.");
        }

        _hubs.RemoveAll(h => h.HubId == hubId);
    }
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
