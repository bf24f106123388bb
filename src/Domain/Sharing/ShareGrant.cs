using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Sharing;

/// <summary>
/// A client lets one professional see one measure. Revoking ends the grant; sharing again starts a new one, so the
/// grants form the history of every change.
/// </summary>
public sealed class ShareGrant : IAggregateRoot
{
    private ShareGrant()
    {
    }

    public ShareGrant(Guid hubId, Guid memberId, Guid professionalId, Measure measure, DateTimeOffset grantedAt)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        MemberId = memberId;
        ProfessionalId = professionalId;
        Measure = measure;
        GrantedAt = grantedAt;
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public Measure Measure { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
