using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Hubs;

/// <summary>What people see of a hub: its name, organisation, short name for links and time zone.</summary>
public class HubTests
{
    private static Hub Create(string name = "Northwind Wellbeing Hub", string organisation = "Northwind Traders", string slug = "northwind", string zone = "Europe/London") =>
        new(name, organisation, slug, zone, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Create_TrimsTheFields_AndLowerCasesTheShortName()
    {
        var hub = Create(" Northwind ", " Northwind Traders ", " North-Wind-2 ", " Europe/London ");

        Assert.Equal(("Northwind", "Northwind Traders", "north-wind-2", "Europe/London"), (hub.Name, hub.Organisation, hub.Slug, hub.TimeZoneId));
    }

    [Theory]
    [InlineData("", "Northwind Traders", "northwind", "Europe/London", HubField.Name)]
    [InlineData("Northwind", " ", "northwind", "Europe/London", HubField.Organisation)]
    [InlineData("Northwind", "Northwind Traders", "", "Europe/London", HubField.Slug)]
    [InlineData("Northwind", "Northwind Traders", "north wind", "Europe/London", HubField.Slug)]
    [InlineData("Northwind", "Northwind Traders", "-northwind", "Europe/London", HubField.Slug)]
    [InlineData("Northwind", "Northwind Traders", "north--wind", "Europe/London", HubField.Slug)]
    [InlineData("Northwind", "Northwind Traders", "northwind", "", HubField.TimeZoneId)]
    [InlineData("Northwind", "Northwind Traders", "northwind", "Europe/Atlantis", HubField.TimeZoneId)]
    [InlineData("Northwind", "Northwind Traders", "northwind", "GMT Standard Time", HubField.TimeZoneId)]
    public void Create_RefusesAFieldThatBreaksItsRule_NamingTheField(string name, string organisation, string slug, string zone, HubField field)
    {
        var refused = Assert.Throws<HubFieldException>(() => Create(name, organisation, slug, zone));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Create_RefusesANameLongerThanItsColumn()
    {
        var refused = Assert.Throws<HubFieldException>(() => Create(name: new string('n', Hub.MaxNameLength + 1)));

        Assert.Equal(HubField.Name, refused.Field);
    }

    [Fact]
    public void Describe_ChangesEveryField_OrNoneWhenOneIsRefused()
    {
        var hub = Create();

        Assert.Throws<HubFieldException>(() => hub.Describe("Renamed", "Renamed Inc.", "renamed", "Nowhere/Else"));
        Assert.Equal(("Northwind Wellbeing Hub", "northwind"), (hub.Name, hub.Slug));

        hub.Describe("Renamed", "Renamed Inc.", "renamed", "Europe/Copenhagen");
        Assert.Equal(("Renamed", "Renamed Inc.", "renamed", "Europe/Copenhagen"), (hub.Name, hub.Organisation, hub.Slug, hub.TimeZoneId));
    }

    [Fact]
    public void EveryChange_AndEveryPublication_RaisesTheVersion_ARefusalDoesNot()
    {
        var hub = Create();
        var versions = new List<int> { hub.Version };

        Assert.Throws<HubFieldException>(() => hub.Describe("Renamed", "Renamed Inc.", "renamed", "Nowhere/Else"));
        versions.Add(hub.Version);
        hub.Describe("Renamed", "Renamed Inc.", "renamed", "Europe/London");
        versions.Add(hub.Version);
        hub.ChangeSettings(hub.Settings.WithPrivacy(7, 12));
        versions.Add(hub.Version);
        hub.Publish(January, Nobody, DateTimeOffset.UnixEpoch);
        versions.Add(hub.Version);

        Assert.Equal([1, 1, 2, 3, 4], versions);
    }

    [Fact]
    public void Publish_MakesTheBlockWithTheHubsCurrentKAndKDist()
    {
        var hub = Create();
        hub.ChangeSettings(hub.Settings.WithPrivacy(8, 16));

        var block = hub.Publish(January, Nobody, DateTimeOffset.UnixEpoch.AddDays(32));

        Assert.Equal((hub.Id, "1970-01", 8, 16), (block.HubId, block.PeriodKey, block.K, block.KDistribution));
    }

    private static readonly ReportingPeriod January = new("1970-01", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(31));

    private static readonly PeriodStatistics Nobody = new([], [], AllianceFigures.None);
}
