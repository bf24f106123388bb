using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Domain.UnitTests.Sharing;

public class ShareGrantTests
{
    private static readonly DateTimeOffset GrantedAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ShareGrant _grant = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Measure.Wellbeing, GrantedAt);

    [Fact]
    public void NewGrant_IsActive()
    {
        Assert.True(_grant.IsActive);
        Assert.Null(_grant.RevokedAt);
    }

    [Fact]
    public void Revoke_EndsTheGrant()
    {
        _grant.Revoke(GrantedAt.AddDays(3));

        Assert.False(_grant.IsActive);
        Assert.Equal(GrantedAt.AddDays(3), _grant.RevokedAt);
    }

    [Fact]
    public void RevokingTwice_KeepsTheFirstRevokeTime()
    {
        _grant.Revoke(GrantedAt.AddDays(3));

        _grant.Revoke(GrantedAt.AddDays(5));

        Assert.False(_grant.IsActive);
        Assert.Equal(GrantedAt.AddDays(3), _grant.RevokedAt);
    }
}
