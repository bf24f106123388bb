using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class InstrumentLicenceTests
{
    private static readonly DateTimeOffset RecordedAt = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));
    private readonly Guid _hub = Guid.NewGuid();
    private readonly Survey _needsPermission = SurveyBuilder.Who5Shaped().NeedingPermission().Build();

    private InstrumentLicence Record(Guid hubId, Survey survey, string note = "WHO permission letter of 2026-11-02") =>
        new(hubId, survey, "admin-id", "Alex Admin", RecordedAt, note);

    [Fact]
    public void InstrumentNeedingPermission_WithoutARecord_MayNotBeUsed()
    {
        Assert.False(_needsPermission.MayBeUsedIn(_hub, []));
        var refused = Assert.Throws<LicenceMissingException>(() => _needsPermission.EnsureMayBeUsedIn(_hub, []));
        Assert.Contains("licence to use it has not been recorded", refused.Message);
    }

    [Fact]
    public void InstrumentNeedingPermission_WithTheHubsRecord_MayBeUsed_InEveryVersion()
    {
        var licence = Record(_hub, _needsPermission);
        var nextVersion = SurveyBuilder.Who5Shaped().NeedingPermission().WithVersion(2).Build();

        Assert.True(_needsPermission.MayBeUsedIn(_hub, [licence]));
        Assert.True(nextVersion.MayBeUsedIn(_hub, [licence]));
    }

    [Fact]
    public void InstrumentNeedingPermission_WithAnotherHubsOrInstrumentsRecord_MayNotBeUsed()
    {
        var otherHub = Record(Guid.NewGuid(), _needsPermission);
        var otherInstrument = Record(_hub, SurveyBuilder.Who5Shaped().WithKey("another").NeedingPermission().Build());

        Assert.False(_needsPermission.MayBeUsedIn(_hub, [otherHub, otherInstrument]));
    }

    [Fact]
    public void InstrumentWhoseLicenceAllowsCommercialUse_MayAlwaysBeUsed()
    {
        Assert.True(SurveyBuilder.AllianceShaped().Build().MayBeUsedIn(_hub, []));
    }

    [Fact]
    public void Record_ForAnInstrumentNeedingNoPermission_IsRefused()
    {
        Assert.Throws<DomainException>(() => Record(_hub, SurveyBuilder.AllianceShaped().Build()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Record_WithoutANote_IsRefused(string note)
    {
        var refused = Assert.Throws<DomainException>(() => Record(_hub, _needsPermission, note));
        Assert.Contains("Say where the permission is kept", refused.Message);
    }

    [Fact]
    public void Record_KeepsWhoWhenInUtcAndTheTrimmedNote()
    {
        var licence = Record(_hub, _needsPermission, "  Ref. WHO/2026/17  ");

        Assert.Equal(("who-5", "Alex Admin", "Ref. WHO/2026/17"), (licence.SurveyKey, licence.RecordedByName, licence.Note));
        Assert.Equal(TimeSpan.Zero, licence.RecordedAt.Offset);
        Assert.Equal(RecordedAt, licence.RecordedAt);
    }
}
