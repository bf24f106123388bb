using Wellbeing.Domain.Hubs;

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
}
