using System.Text.RegularExpressions;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.Hubs;

/// <summary>An employer's programme: the tenant that every member, session, submission and aggregate belongs to.</summary>
public sealed partial class Hub : IAggregateRoot
{
    /// <summary>The longest name or organisation stored (the column length).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest short name or time zone id stored (the column length).</summary>
    public const int MaxShortLength = 64;

    private Hub()
    {
        Name = string.Empty;
        Organisation = string.Empty;
        Slug = string.Empty;
        TimeZoneId = "UTC";
        Settings = HubSettings.Defaults();
    }

    /// <param name="id">The id the creation form was drawn with, so that sending it twice finds this hub; a new one when omitted.</param>
    /// <exception cref="HubFieldException">See <see cref="Describe"/>.</exception>
    public Hub(string name, string organisation, string slug, string timeZoneId, DateTimeOffset createdAt, Guid? id = null)
        : this()
    {
        Id = id ?? Guid.NewGuid();
        Describe(name, organisation, slug, timeZoneId);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The employer that sponsors the programme, as its people know it (a hub may be one of its departments).</summary>
    public string Organisation { get; private set; }

    public string Slug { get; private set; }

    /// <summary>IANA zone in which the hub's people read dates; everything is stored in UTC.</summary>
    public string TimeZoneId { get; private set; }

    public HubSettings Settings { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Goes up with every change of the hub (<see cref="Describe"/>, <see cref="ChangeSettings"/>) and every period
    /// published from it (<see cref="Publish"/>); stored as a concurrency token, so a save made from an older version
    /// is refused. Hence a published block's k and k_dist are the hub's settings at the moment the block is stored,
    /// never a value an administrator changed meanwhile, and a settings change is never checked against a stale view of
    /// what is published (<see cref="PublishedFiguresRule"/>). Forms carry it, so a second administrator saving the
    /// same form is told instead of overwriting the first.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>
    /// Sets what people see of the hub: its name, organisation, short name for links (lower case letters, digits and
    /// single hyphens, trimmed and lower-cased here) and IANA time zone, which must be one this machine knows (a zone
    /// unknown here would silently read dates as UTC).
    /// </summary>
    /// <exception cref="HubFieldException">A field is empty or too long, the short name has other characters, or the
    /// zone is not an IANA zone known to this machine.</exception>
    public void Describe(string name, string organisation, string slug, string timeZoneId)
    {
        var newName = Required(HubField.Name, name, "A hub needs a name.", MaxNameLength);
        var newOrganisation = Required(HubField.Organisation, organisation, "Name the organisation the hub belongs to.", MaxNameLength);
        var newSlug = Required(HubField.Slug, slug, "A hub needs a short name for links.", MaxShortLength).ToLowerInvariant();
        if (!SlugPattern().IsMatch(newSlug))
        {
            throw new HubFieldException(HubField.Slug, "Use lower case letters, digits and single hyphens for the short name, e.g. northwind-london.");
        }

        var zone = Required(HubField.TimeZoneId, timeZoneId, "A hub needs a time zone.", MaxShortLength);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            throw new HubFieldException(HubField.TimeZoneId, $"{zone} is not a time zone this server knows. Use an IANA name such as Europe/London.");
        }

        (Name, Organisation, Slug, TimeZoneId) = (newName, newOrganisation, newSlug, found.Id);
        Version++;
    }

    /// <summary>Replaces every setting; <paramref name="settings"/> is checked by the HubSettings method that made it.</summary>
    public void ChangeSettings(HubSettings settings)
    {
        Settings = settings;
        Version++;
    }

    /// <summary>
    /// The block of a closed period, suppressed with the hub's current k and k_dist (which it records); counts as a
    /// change of the hub (<see cref="Version"/>), so the block is stored only if the settings are still these then.
    /// </summary>
    /// <param name="publishedAt">UTC time of publication.</param>
    public PeriodBlock Publish(ReportingPeriod period, PeriodStatistics statistics, DateTimeOffset publishedAt)
    {
        Version++;
        return new PeriodBlock(Id, period, publishedAt, PrivacyThresholds.For(Settings), BlockComposer.Compose(statistics, Settings));
    }

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

    private static string Required(HubField field, string? value, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new HubFieldException(field, message);
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : throw new HubFieldException(field, $"Keep this to {maxLength} characters or fewer.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
