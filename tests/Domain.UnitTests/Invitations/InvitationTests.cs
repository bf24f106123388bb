using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Invitations;

public class InvitationTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static Invitation HrInvitation() => new(Guid.NewGuid(), InvitedRole.HrManager, " HR@Example.TEST ", null, Created, Week);

    [Fact]
    public void NewInvitation_IsPendingUntilItsExpiry_AndExpiredFromThatInstant()
    {
        var invitation = HrInvitation();

        Assert.Equal("hr@example.test", invitation.Email);
        Assert.Equal(Created + Week, invitation.ExpiresAt);
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Created + Week - TimeSpan.FromTicks(1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Created + Week));
    }

    [Fact]
    public void Accept_WhilePending_MarksItUsedByTheAccount_AndASecondAcceptIsRefused()
    {
        var invitation = HrInvitation();

        invitation.Accept(Created.AddDays(1), "user-1");

        Assert.Equal(InvitationState.Used, invitation.StateAt(Created.AddDays(1)));
        Assert.Equal("user-1", invitation.UserId);
        Assert.Throws<DomainException>(() => invitation.Accept(Created.AddDays(1), "user-2"));
        Assert.Equal("user-1", invitation.UserId);
    }

    [Fact]
    public void Accept_AfterExpiry_IsRefused()
    {
        var invitation = HrInvitation();

        Assert.Throws<DomainException>(() => invitation.Accept(Created + Week, "user-1"));
        Assert.Null(invitation.UsedAt);
    }

    [Fact]
    public void Accept_AfterWithdrawal_IsRefused_AndWithdrawingAnAcceptedOneIsRefused()
    {
        var withdrawn = HrInvitation();
        withdrawn.Withdraw(Created.AddHours(1));
        var accepted = HrInvitation();
        accepted.Accept(Created.AddHours(1), "user-1");

        Assert.Throws<DomainException>(() => withdrawn.Accept(Created.AddHours(2), "user-1"));
        Assert.Equal(InvitationState.Withdrawn, withdrawn.StateAt(Created.AddHours(2)));
        Assert.Throws<DomainException>(() => accepted.Withdraw(Created.AddHours(2)));
        Assert.Equal(InvitationState.Used, accepted.StateAt(Created.AddHours(2)));
    }

    [Fact]
    public void Renew_AfterExpiry_StartsTheLifetimeAgainFromNow_ButNotForAUsedOne()
    {
        var invitation = HrInvitation();
        var later = Created.AddDays(10);
        var used = HrInvitation();
        used.Accept(Created.AddHours(1), "user-1");

        invitation.Renew(later, Week);

        Assert.Equal(InvitationState.Pending, invitation.StateAt(later));
        Assert.Equal(later + Week, invitation.ExpiresAt);
        Assert.Throws<DomainException>(() => used.Renew(later, Week));
    }

    [Fact]
    public void IssueToken_KeepsOnlyAHash_AdmitsItsOwnSecret_AndANewTokenReplacesTheOld()
    {
        var invitation = HrInvitation();

        var first = invitation.IssueToken();
        Assert.True(Invitation.TryReadToken(first, out var id, out var firstSecret));
        Assert.Equal(invitation.Id, id);
        Assert.True(invitation.Admits(firstSecret));
        Assert.Equal(32, invitation.SecretHash!.Length);
        Assert.DoesNotContain(firstSecret, Convert.ToBase64String(invitation.SecretHash));

        Assert.True(Invitation.TryReadToken(invitation.IssueToken(), out _, out var secondSecret));
        Assert.True(invitation.Admits(secondSecret));
        Assert.False(invitation.Admits(firstSecret));
    }

    [Fact]
    public void Admits_BeforeAnyTokenWasIssued_IsFalse()
    {
        Assert.False(HrInvitation().Admits("anything"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot-here")]
    [InlineData("not-a-guid.secret")]
    [InlineData("0123456789abcdef0123456789abcdef.")]
    public void TryReadToken_RefusesWhatIsNotIdDotSecret(string? token)
    {
        Assert.False(Invitation.TryReadToken(token, out _, out _));
    }

    [Theory]
    [InlineData(InvitedRole.HrManager, Roles.HrManager)]
    [InlineData(InvitedRole.Professional, Roles.Professional)]
    [InlineData(InvitedRole.Member, Roles.Client)]
    public void AccountRole_IsTheRoleTheInvitationIsFor(InvitedRole role, string accountRole)
    {
        var invitation = new Invitation(Guid.NewGuid(), role, "x@example.test", role == InvitedRole.HrManager ? null : Guid.NewGuid(), Created, Week);

        Assert.Equal(accountRole, invitation.AccountRole);
    }

    [Theory]
    [InlineData(InvitedRole.HrManager, true)]
    [InlineData(InvitedRole.Member, false)]
    [InlineData(InvitedRole.Professional, false)]
    public void Constructor_RefusesAPersonThatDoesNotFitTheRole(InvitedRole role, bool withPerson)
    {
        Assert.Throws<DomainException>(() => new Invitation(Guid.NewGuid(), role, "x@example.test", withPerson ? Guid.NewGuid() : null, Created, Week));
    }

    [Fact]
    public void Constructor_RefusesANonPositiveLifetime_AndAnAddressWithoutAt()
    {
        Assert.Throws<DomainException>(() => new Invitation(Guid.NewGuid(), InvitedRole.HrManager, "x@example.test", null, Created, TimeSpan.Zero));
        Assert.Throws<DomainException>(() => new Invitation(Guid.NewGuid(), InvitedRole.HrManager, "not-an-address", null, Created, Week));
    }

    [Fact]
    public void InvitationMessage_NamesTheInvitationNotAMember_AndEachSendingHasItsOwnKey()
    {
        var invitation = HrInvitation();

        var first = OutboxMessage.ForInvitation(invitation.HubId, invitation.Id, invitation.ExpiresAt, Created);
        invitation.Renew(Created.AddDays(1), Week);
        var again = OutboxMessage.ForInvitation(invitation.HubId, invitation.Id, invitation.ExpiresAt, Created.AddDays(1));

        Assert.Null(first.MemberId);
        Assert.Equal(invitation.Id, first.InvitationId);
        Assert.Equal(MessageKind.AccountInvitation, first.Kind);
        Assert.NotEqual(first.DeduplicationKey, again.DeduplicationKey);
        Assert.Throws<DomainException>(() => new OutboxMessage(invitation.HubId, Guid.NewGuid(), MessageKind.AccountInvitation, null, null, Created, Created));
    }

    [Fact]
    public void EveryKindButTheAccountInvitation_IsANudgeWithATopic()
    {
        Assert.Equal(Enum.GetValues<MessageKind>().Where(k => k != MessageKind.AccountInvitation), EmailTopics.Nudges);
        Assert.Throws<ArgumentOutOfRangeException>(() => EmailTopics.Of(MessageKind.AccountInvitation));
    }
}
