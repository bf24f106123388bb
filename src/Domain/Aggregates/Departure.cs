using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Aggregates;

/// <summary>
/// A member's answers left the statistics with their account. Who it was is gone; the refresh still needs to know
/// that the figures of this department moved, because comparing a snapshot before and after would otherwise show
/// exactly what the departed member had contributed (rule 5).
/// </summary>
public sealed class Departure : IAggregateRoot
{
    private Departure()
    {
    }

    public Departure(Guid hubId, string? department, DateTimeOffset at, bool hadWellbeing, bool hadAlliance)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        Department = department;
        At = at;
        HadWellbeing = hadWellbeing;
        HadAlliance = hadAlliance;
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public string? Department { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Whether Wellbeing Index answers left with the member.</summary>
    public bool HadWellbeing { get; private set; }

    /// <summary>Whether Professional Alliance answers left with the member.</summary>
    public bool HadAlliance { get; private set; }
}
