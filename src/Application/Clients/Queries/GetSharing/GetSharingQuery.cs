using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.Clients.Queries.GetSharing;

public sealed record GetSharingQuery(string UserId);

public sealed record SharingDto(string TimeZoneId, IReadOnlyList<SharingRowDto> Rows, IReadOnlyList<SharingChangeDto> Changes);

/// <summary>One professional the client works with, and what the client currently shares with them.</summary>
public sealed record SharingRowDto(Guid ProfessionalId, string Name, string Title, DateTimeOffset? WellbeingSharedSince, DateTimeOffset? AllianceSharedSince, string TimeZoneId)
{
    public DateTimeOffset? SharedSince(Measure measure) => measure == Measure.Wellbeing ? WellbeingSharedSince : AllianceSharedSince;
}

/// <summary>One grant or revocation, for the record the client can read back.</summary>
public sealed record SharingChangeDto(DateTimeOffset At, string ProfessionalName, Measure Measure, bool Shared);

public sealed class GetSharingHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<ClientConnection> connections,
    IRepository<Professional> professionals,
    IRepository<ShareGrant> grants)
{
    public async Task<SharingDto> Handle(GetSharingQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var hub = await hubs.OfMemberAsync(member, cancellationToken);
        var connected = await connections.ListAsync(new ConnectionsOfMemberSpec(member.Id), cancellationToken);
        var ids = connected.Where(c => c.HubId == member.HubId).Select(c => c.ProfessionalId).Distinct().ToList();
        var people = ids.Count == 0 ? [] : await professionals.ListAsync(new ProfessionalsByIdsSpec(ids), cancellationToken);
        var memberGrants = await grants.ListAsync(new ShareGrantsOfMemberSpec(member.Id), cancellationToken);
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);

        var rows = people.OrderBy(p => p.DisplayName)
            .Select(p => SharingRows.For(p, memberGrants, hub.TimeZoneId))
            .ToList();
        var changes = memberGrants
            .SelectMany(g => g.RevokedAt is { } revoked
                ? new[] { new SharingChangeDto(g.GrantedAt, NameOf(g), g.Measure, true), new SharingChangeDto(revoked, NameOf(g), g.Measure, false) }
                : [new SharingChangeDto(g.GrantedAt, NameOf(g), g.Measure, true)])
            .OrderByDescending(c => c.At)
            .ToList();
        return new SharingDto(hub.TimeZoneId, rows, changes);

        string NameOf(ShareGrant grant) => names.GetValueOrDefault(grant.ProfessionalId, "A professional you no longer work with");
    }
}

public static class SharingRows
{
    public static SharingRowDto For(Professional professional, IReadOnlyCollection<ShareGrant> memberGrants, string timeZoneId)
    {
        DateTimeOffset? Since(Measure measure) => memberGrants
            .FirstOrDefault(g => g.ProfessionalId == professional.Id && g.Measure == measure && g.IsActive)?.GrantedAt;
        return new SharingRowDto(professional.Id, professional.DisplayName, professional.Title, Since(Measure.Wellbeing), Since(Measure.Alliance), timeZoneId);
    }
}
