using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Application.Administration.MemberImports;

/// <summary>An import as its pages show it: counts only, never a person.</summary>
/// <param name="Percent">Valid rows written so far, 0 to 100 (100 once completed).</param>
/// <param name="MatchedByEmail">Members enrolled by invitation whom a row matched by e-mail address (given its external id).</param>
/// <param name="Reactivated">Deactivated members the file brought back, also counted as updated or matched.</param>
public sealed record MemberImportDto(
    Guid Id,
    string FileName,
    DateTimeOffset UploadedAt,
    bool Full,
    MemberImportStatus Status,
    int ValidRows,
    int ProcessedRows,
    int Percent,
    int Created,
    int MatchedByEmail,
    int Updated,
    int Unchanged,
    int Reactivated,
    int Deactivated,
    int Rejected,
    string? Refusal)
{
    public static MemberImportDto From(MemberImport import) => new(
        import.Id,
        import.FileName,
        import.UploadedAt,
        import.Full,
        import.Status,
        import.ValidRows,
        import.ProcessedRows,
        import.Status == MemberImportStatus.Completed ? 100 : import.ValidRows == 0 ? 0 : 100 * import.ProcessedRows / import.ValidRows,
        import.Created,
        import.MatchedByEmail,
        import.Updated,
        import.Unchanged,
        import.Reactivated,
        import.Deactivated,
        import.Rejected,
        import.Refusal);
}

public sealed record GetMemberImportsQuery(Guid HubId);

/// <param name="Imports">The hub's latest imports, newest first.</param>
public sealed record MemberImportsDto(Guid HubId, string HubName, IReadOnlyList<MemberImportDto> Imports);

public sealed class GetMemberImportsHandler(IRepository<Hub> hubs, IRepository<MemberImport> imports)
{
    public const int Shown = 20;

    /// <exception cref="NotFoundException">No hub has this id.</exception>
    public async Task<MemberImportsDto> Handle(GetMemberImportsQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var latest = await imports.ListAsync(new MemberImportsOfHubSpec(hub.Id, Shown), cancellationToken);
        return new MemberImportsDto(hub.Id, hub.Name, [.. latest.Select(MemberImportDto.From)]);
    }
}

public sealed record GetMemberImportQuery(Guid HubId, Guid ImportId);

/// <param name="ActiveMembers">The hub's active members now, the base of the deactivation limit.</param>
/// <param name="DeactivationAllowed">Whether confirming now would stay within the limit (the job checks again).</param>
/// <param name="MaxDeactivatedShare">The limit, 0 to 1.</param>
public sealed record MemberImportPageDto(Guid HubId, string HubName, MemberImportDto Import, int ActiveMembers, bool DeactivationAllowed, decimal MaxDeactivatedShare);

public sealed class GetMemberImportHandler(IRepository<Hub> hubs, IRepository<Member> members, IRepository<MemberImport> imports, MemberImportSettings settings)
{
    /// <exception cref="NotFoundException">No such import in this hub.</exception>
    public async Task<MemberImportPageDto> Handle(GetMemberImportQuery query, CancellationToken cancellationToken)
    {
        var import = await imports.FirstOrDefaultAsync(new MemberImportSpec(query.ImportId), cancellationToken);
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken);
        if (import is null || hub is null || import.HubId != hub.Id)
        {
            throw new NotFoundException("Import");
        }

        var active = await members.CountAsync(new ActiveMembersOfHubSpec(hub.Id), cancellationToken);
        return new MemberImportPageDto(
            hub.Id,
            hub.Name,
            MemberImportDto.From(import),
            active,
            MemberImportRules.MayDeactivate(import.Deactivated, active, settings.MaxDeactivatedShare),
            settings.MaxDeactivatedShare);
    }
}

public sealed record GetMemberImportErrorReportQuery(Guid HubId, Guid ImportId);

public sealed class GetMemberImportErrorReportHandler(IRepository<MemberImport> imports)
{
    /// <returns>The CSV error report (row, column, reason); a header only when no row was rejected.</returns>
    /// <exception cref="NotFoundException">No such import in this hub.</exception>
    public async Task<string> Handle(GetMemberImportErrorReportQuery query, CancellationToken cancellationToken)
    {
        var import = await imports.FirstOrDefaultAsync(new MemberImportSpec(query.ImportId), cancellationToken);
        return import is not null && import.HubId == query.HubId ? import.ErrorReport : throw new NotFoundException("Import");
    }
}
