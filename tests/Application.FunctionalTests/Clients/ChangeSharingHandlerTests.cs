using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Clients.Commands.ChangeSharing;
using Wellbeing.Application.Clients.Queries.GetSharing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class ChangeSharingHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<SharingRowDto> Change(bool? share, Measure? measure = Measure.Wellbeing, Guid? professionalId = null) =>
        _world.RunAsync<ChangeSharingHandler, SharingRowDto>(h =>
            h.Handle(new ChangeSharingCommand(ClientWorld.UserId, professionalId ?? _world.Professional.Id, measure, share), CancellationToken.None));

    private Task<List<Wellbeing.Domain.Sharing.ShareGrant>> Grants() =>
        _world.QueryAsync(db => db.ShareGrants.Where(g => g.MemberId == _world.Member.Id).OrderBy(g => g.GrantedAt).ToListAsync());

    [Fact]
    public async Task Share_ThenRevoke_RecordsBothTimes_OnTheOneGrant()
    {
        var shared = await Change(share: true);
        _world.Clock.Advance(TimeSpan.FromHours(2));
        var revoked = await Change(share: false);

        Assert.Equal(ClientWorld.Start, shared.WellbeingSharedSince);
        Assert.Null(shared.AllianceSharedSince); // sharing one measure does not share the other
        Assert.Null(revoked.WellbeingSharedSince);
        var grant = Assert.Single(await Grants());
        Assert.Equal(ClientWorld.Start, grant.GrantedAt);
        Assert.Equal(ClientWorld.Start.AddHours(2), grant.RevokedAt);
    }

    [Fact]
    public async Task SharingAgainAfterRevoking_StartsANewGrant_AndKeepsTheRevokedOneAsHistory()
    {
        await Change(share: true);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        await Change(share: false);
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var row = await Change(share: true);

        Assert.Equal(ClientWorld.Start.AddHours(2), row.WellbeingSharedSince);
        var grants = await Grants();
        Assert.Equal(2, grants.Count);
        Assert.Equal(ClientWorld.Start.AddHours(1), grants[0].RevokedAt);
        Assert.Equal(ClientWorld.Start.AddHours(2), grants[1].GrantedAt);
        Assert.Null(grants[1].RevokedAt);
    }

    [Fact]
    public async Task SharingWhatIsAlreadyShared_RecordsNothingNew_AndKeepsTheOriginalSince()
    {
        await Change(share: true);
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var row = await Change(share: true);

        Assert.Equal(ClientWorld.Start, row.WellbeingSharedSince);
        Assert.Single(await Grants());
    }

    [Fact]
    public async Task RevokingWhatIsNotShared_RecordsNothing()
    {
        await Change(share: false);

        Assert.Empty(await Grants());
    }

    [Fact]
    public async Task ProfessionalTheClientIsNotConnectedTo_IsNotFound_AndNothingIsGranted()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Change(share: true, professionalId: _world.UnconnectedProfessional.Id));

        Assert.Empty(await Grants());
    }

    [Fact]
    public async Task TamperedMeasureOrMissingChoice_IsRefused()
    {
        await Assert.ThrowsAsync<DomainException>(() => Change(share: true, measure: (Measure)99));
        await Assert.ThrowsAsync<DomainException>(() => Change(share: true, measure: null));
        await Assert.ThrowsAsync<DomainException>(() => Change(share: null));

        Assert.Empty(await Grants());
    }
}
