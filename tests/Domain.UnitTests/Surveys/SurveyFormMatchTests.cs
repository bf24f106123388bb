using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class SurveyFormMatchTests
{
    private readonly Survey _who5 = SurveyBuilder.Who5Shaped().WithVersion(2).Build();

    [Fact]
    public void FormShowingThisKeyAndVersion_IsAccepted()
    {
        _who5.EnsureIsTheFormOf("who-5", 2);
    }

    [Theory]
    [InlineData("who-5", 1)]
    [InlineData("professional-alliance", 2)]
    [InlineData(null, 2)]
    public void FormShowingAnotherInstrumentOrVersion_IsRefused_NamingTheCurrentOne(string? key, int version)
    {
        var refused = Assert.Throws<DomainException>(() => _who5.EnsureIsTheFormOf(key, version));
        Assert.Equal("This form does not match the current Wellbeing Index. Please open the form again and fill it in.", refused.Message);
    }

    [Fact]
    public void AllianceFormOfAnotherVersion_IsRefused_NamingTheAllianceSurvey()
    {
        var alliance = SurveyBuilder.AllianceShaped().Build();
        var refused = Assert.Throws<DomainException>(() => alliance.EnsureIsTheFormOf(alliance.Key, alliance.Version + 1));
        Assert.Contains("the current alliance survey", refused.Message);
    }
}
