using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Hubs;

/// <summary>An employer's programme: the tenant that every member, session, submission and aggregate belongs to.</summary>
public sealed class Hub : IAggregateRoot
{
    private Hub()
    {
        Name = string.Empty;
        Slug = string.Empty;
        TimeZoneId = "UTC";
        Settings = HubSettings.Defaults();
    }

    public Hub(string name, string slug, string timeZoneId, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        Name = Required(name, "A hub needs a name.");
        Slug = Required(slug, "A hub needs a short name for links.").ToLowerInvariant();
        TimeZoneId = Required(timeZoneId, "A hub needs a time zone.");
        Settings = HubSettings.Defaults();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }

    /// <summary>IANA zone in which the hub's people read dates; everything is stored in UTC.</summary>
    public string TimeZoneId { get; private set; }

    public HubSettings Settings { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void ChangeSettings(HubSettings settings) => Settings = settings;

    /// <summary>Reads a wall-clock time as the hub's people mean it; a time skipped when the clocks go forward is refused.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        var zone = LocalCalendar.Zone(TimeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            throw new DomainException($"{local:HH:mm} does not exist on {local:d MMM yyyy} in {TimeZoneId}: the clocks go forward then.");
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    private static string Required(string value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(message) : value.Trim();
}
