using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Members;

public class MemberEmailChoiceTests
{
    private static readonly DateTimeOffset Enrolled = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Member WithAccount()
    {
        var member = new Member(Guid.NewGuid(), "Ada Example", "ada@example.test", Enrolled);
        member.LinkAccount("user-1");
        return member;
    }

    [Theory]
    [InlineData(MessageKind.WellbeingReminder, EmailTopic.WellbeingIndex)]
    [InlineData(MessageKind.WellbeingFollowUp, EmailTopic.WellbeingIndex)]
    [InlineData(MessageKind.AllianceInvitation, EmailTopic.AllianceSurvey)]
    [InlineData(MessageKind.AllianceReminder, EmailTopic.AllianceSurvey)]
    public void EveryKind_BelongsToItsQuestionnairesTopic(MessageKind kind, EmailTopic topic)
    {
        Assert.Equal(topic, EmailTopics.Of(kind));
    }

    [Fact]
    public void NewMemberWithAnAccount_WantsEveryKind()
    {
        var member = WithAccount();

        Assert.All(EmailTopics.Nudges, kind => Assert.True(member.Wants(kind)));
    }

    [Theory]
    [InlineData(EmailTopic.WellbeingIndex)]
    [InlineData(EmailTopic.AllianceSurvey)]
    public void TopicTurnedOff_SilencesItsKinds_AndLeavesTheOthers(EmailTopic off)
    {
        var member = WithAccount();

        member.ChooseEmails(off, receive: false);

        Assert.All(EmailTopics.Nudges, kind => Assert.Equal(EmailTopics.Of(kind) != off, member.Wants(kind)));
        Assert.False(member.Receives(off));
    }

    [Fact]
    public void TopicTurnedBackOn_IsWantedAgain()
    {
        var member = WithAccount();
        member.ChooseEmails(EmailTopic.AllianceSurvey, receive: false);

        member.ChooseEmails(EmailTopic.AllianceSurvey, receive: true);

        Assert.True(member.Wants(MessageKind.AllianceInvitation));
        Assert.True(member.Wants(MessageKind.AllianceReminder));
    }

    [Fact]
    public void MemberWithoutAccount_OrDeactivated_WantsNothing_WhateverTheirChoice()
    {
        var withoutAccount = new Member(Guid.NewGuid(), "Bo Example", "bo@example.test", Enrolled);
        var deactivated = WithAccount();
        deactivated.Deactivate(Enrolled.AddDays(10));

        Assert.All(EmailTopics.Nudges, kind => Assert.False(withoutAccount.Wants(kind)));
        Assert.All(EmailTopics.Nudges, kind => Assert.False(deactivated.Wants(kind)));
    }

    [Fact]
    public void UnknownTopic_IsRejected()
    {
        var member = WithAccount();

        Assert.Throws<ArgumentOutOfRangeException>(() => member.ChooseEmails((EmailTopic)7, receive: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => member.Receives((EmailTopic)7));
    }
}
