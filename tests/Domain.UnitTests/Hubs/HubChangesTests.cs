using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Hubs;

/// <summary>What the audit log says an administrator changed in a hub.</summary>
public class HubChangesTests
{
    private static readonly HubSnapshot Before = new("Northwind", "Northwind Traders", "northwind", "Europe/London", HubSettings.Defaults());

    [Fact]
    public void ChangedSettings_AreListedInFormOrder_WithTheirOldAndNewValues()
    {
        var settings = HubSettings.Defaults()
            .WithPrivacy(3, 8)
            .WithReportingPeriod(ReportingPeriodLength.Quarter)
            .WithInterpretation(28, 50, 10, 4.5m, 1.0m)
            .WithEmail(3, 2, new TimeOnly(8, 0), new TimeOnly(21, 30));

        var described = HubChanges.Describe(Before, Before with { TimeZoneId = "Europe/Paris", Settings = settings });

        Assert.Equal(
            "TimeZoneId Europe/London → Europe/Paris; K 5 → 3; KDistribution 10 → 8; ReportingPeriod Month → Quarter; SendingHoursEnd 20:00 → 21:30; AllianceLowThreshold 4 → 4.5",
            described);
    }

    [Fact]
    public void NameOrganisationAndShortName_SayOnlyThatTheyChanged()
    {
        var described = HubChanges.Describe(Before, Before with { Name = "Dr Jones's practice", Organisation = "Jones Ltd", Slug = "jones" });

        Assert.Equal("Name changed; Organisation changed; Slug changed", described);
        Assert.DoesNotContain("Jones", described, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ADecimalReadBackWithTwoPlaces_IsTheSameAsTheOneTyped()
    {
        var stored = Before with { Settings = HubSettings.Defaults().WithInterpretation(28, 50, 10, 4.00m, 1.00m) };
        var typed = Before with { Settings = HubSettings.Defaults().WithInterpretation(28, 50, 10, 4m, 1m) };

        Assert.Equal(HubChanges.Nothing, HubChanges.Describe(stored, typed));
    }

    [Fact]
    public void EveryFieldOfTheForm_IsDescribed()
    {
        Assert.Equal(Enum.GetValues<HubField>(), HubChanges.Described);
    }

    [Fact]
    public void EveryFieldChanged_WithTheLongestValues_FitsTheAuditEntry()
    {
        var zone = new string('z', Hub.MaxShortLength);
        var after = new HubSnapshot("x", "x", "x", zone, HubSettings.Defaults()
            .WithPrivacy(HubSettings.MaximumK, HubSettings.MaximumKDistribution)
            .WithReportingPeriod(ReportingPeriodLength.Quarter)
            .WithCadences(90, AllianceCadence.EveryThirdSession, 30)
            .WithEmail(89, 29, new TimeOnly(0, 0), new TimeOnly(23, 59))
            .WithInterpretation(98, 99, 100, 6.99m, 5.99m)
            .WithLowParticipationPercent(100));
        var before = new HubSnapshot("y", "y", "y", zone.ToUpperInvariant(), HubSettings.Defaults());

        var described = HubChanges.Describe(before, after);

        Assert.Equal(Enum.GetValues<HubField>().Length - 1, described.Count(c => c == ';'));
        Assert.True(described.Length <= AuditEntry.MaxDetailLength, $"{described.Length} characters: {described}");
    }
}
