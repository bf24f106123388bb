using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Clients.Commands.ChangeReminders;
using Wellbeing.Application.FunctionalTests.Support;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class ChangeRemindersHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task Change(bool remind) =>
        _world.RunAsync<ChangeRemindersHandler>(h => h.Handle(new ChangeRemindersCommand(ClientWorld.UserId, remind), CancellationToken.None));

    private Task<bool> OptedOut(Guid memberId) =>
        _world.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.RemindersOptedOut).SingleAsync());

    [Fact]
    public async Task OptingOut_ThenBackIn_IsSaved_AndOnlyForTheSignedInMember()
    {
        await Change(remind: false);
        Assert.True(await OptedOut(_world.Member.Id));
        Assert.False(await OptedOut(_world.OtherMember.Id));

        await Change(remind: true);
        Assert.False(await OptedOut(_world.Member.Id));
    }
}
