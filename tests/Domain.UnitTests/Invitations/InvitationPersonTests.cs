using Wellbeing.Domain.Common;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Domain.UnitTests.Invitations;

/// <summary>An invitation works only for the person it was recorded for, as they still are; nobody gets a second account.</summary>
public class InvitationPersonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Invitation ForMember(string email) =>
        new(Guid.NewGuid(), InvitedRole.Member, email, Guid.NewGuid(), Now, TimeSpan.FromDays(7));

    [Fact]
    public void StillFor_TheInvitedAddress_WithoutAccount_WhileActive() =>
        Assert.True(ForMember("Grace@Old.test").StillFor("grace@old.test", null));

    [Theory]
    [InlineData("grace@new.test", null, true)]
    [InlineData("grace@old.test", "user-1", true)]
    [InlineData("grace@old.test", null, false)]
    public void NotStillFor_AnotherAddress_AnAccount_OrADeactivatedMember(string email, string? userId, bool active)
    {
        var invitation = ForMember("grace@old.test");

        Assert.False(invitation.StillFor(email, userId, active));
        Assert.Throws<DomainException>(() => invitation.EnsureStillFor(email, userId, active));
    }

    [Fact]
    public void HrManagerInvitation_NamesNoPerson_AndStaysFor_NoPerson() =>
        Assert.True(new Invitation(Guid.NewGuid(), InvitedRole.HrManager, "hr@employer.test", null, Now, TimeSpan.FromDays(7)).StillFor(null, null));

    [Fact]
    public void MemberAndProfessional_AreNeverLinkedToASecondAccount_ButTheSameOneAgainIsFine()
    {
        var member = new Member(Guid.NewGuid(), "Grace Hopper", "grace@old.test", Now);
        var professional = new Professional("Pat Pro", "pat@employer.test", "Coach");
        member.LinkAccount("user-1");
        professional.LinkAccount("user-2");

        member.LinkAccount("user-1");
        Assert.Throws<DomainException>(() => member.LinkAccount("user-3"));
        Assert.Throws<DomainException>(() => professional.LinkAccount("user-3"));
        Assert.Equal(("user-1", "user-2"), (member.UserId, professional.UserId));
    }
}
