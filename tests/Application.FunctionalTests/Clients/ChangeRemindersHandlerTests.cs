using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Clients.Commands.ChangeReminders;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class ChangeRemindersHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task Change(EmailTopic? topic, bool remind) =>
        _world.RunAsync<ChangeRemindersHandler>(h => h.Handle(new ChangeRemindersCommand(ClientWorld.UserId, topic, remind), CancellationToken.None));

    private Task<(bool Wellbeing, bool Alliance)> Off(Guid memberId) =>
        _world.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            return (member.WellbeingEmailsOff, member.AllianceEmailsOff);
        });

    [Fact]
    public async Task OptingOutOfATopic_ThenBackIn_IsSaved_ForThatTopicAndTheSignedInMemberOnly()
    {
        await Change(EmailTopic.AllianceSurvey, remind: false);
        Assert.Equal((false, true), await Off(_world.Member.Id));
        Assert.Equal((false, false), await Off(_world.OtherMember.Id));

        await Change(EmailTopic.WellbeingIndex, remind: false);
        Assert.Equal((true, true), await Off(_world.Member.Id));

        await Change(EmailTopic.AllianceSurvey, remind: true);
        Assert.Equal((true, false), await Off(_world.Member.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData((EmailTopic)7)]
    public async Task AMissingOrUnknownTopic_IsRefused_AndChangesNothing(EmailTopic? topic)
    {
        await Assert.ThrowsAsync<DomainException>(() => Change(topic, remind: false));
        Assert.Equal((false, false), await Off(_world.Member.Id));
    }
}
