using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.UnitTests.Common;

public class EmailAddressesTests
{
    [Fact]
    public void Normalise_TrimsAndLowerCases_SoOneAddressTypedTwoWaysIsOne()
    {
        Assert.Equal("ada.lovelace@clinic.test", EmailAddresses.Normalise("  Ada.Lovelace@Clinic.TEST \t"));
    }

    [Theory]
    [InlineData("ada@clinic.test", true)]
    [InlineData("ada+hubs@mail.clinic.test", true)]
    [InlineData("Ada Lovelace <ada@clinic.test>", false)]
    [InlineData("ada@clinic.test (work)", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada@clinic.", false)]
    [InlineData("ada@", false)]
    [InlineData("ada.clinic.test", false)]
    public void IsDeliverable_TakesOnlyABareAddressWithADottedDomain(string address, bool deliverable)
    {
        Assert.Equal(deliverable, EmailAddresses.IsDeliverable(address));
    }
}
