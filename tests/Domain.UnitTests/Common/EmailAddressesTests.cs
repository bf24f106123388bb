using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.UnitTests.Common;

public class EmailAddressesTests
{
    [Fact]
    public void Normalise_TrimsAndLowerCases_SoOneAddressTypedTwoWaysIsOne()
    {
        Assert.Equal("ada.lovelace@clinic.test", EmailAddresses.Normalise("  Ada.Lovelace@Clinic.TEST \t"));
    }
}
