using Ardalis.Specification;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Application.Administration.MemberImports;

public sealed class MemberImportSpec : Specification<MemberImport>
{
    public MemberImportSpec(Guid importId, bool forUpdate = false) =>
        Query.Where(i => i.Id == importId).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class MemberImportsOfHubSpec : Specification<MemberImport>
{
    public MemberImportsOfHubSpec(Guid hubId, int take) =>
        Query.Where(i => i.HubId == hubId).OrderByDescending(i => i.UploadedAt).Take(take).AsNoTracking();
}

/// <summary>The ids of imports confirmed and not yet finished, oldest confirmation first.</summary>
public sealed class RunningMemberImportsSpec : Specification<MemberImport, Guid>
{
    public RunningMemberImportsSpec()
    {
        Query.Where(i => i.Status == MemberImportStatus.Running).OrderBy(i => i.ConfirmedAt).AsNoTracking();
        Query.Select(i => i.Id);
    }
}

public sealed class MemberImportFileSpec : Specification<MemberImportFile>
{
    public MemberImportFileSpec(Guid importId) => Query.Where(f => f.ImportId == importId).AsNoTracking();
}

/// <summary>The hub's members as the plan compares them: by external id, or by e-mail address for those without one.</summary>
public sealed class ImportableMembersSpec : Specification<Member, ExistingMember>
{
    public ImportableMembersSpec(Guid hubId)
    {
        Query.Where(m => m.HubId == hubId).AsNoTracking();
        Query.Select(m => new ExistingMember(m.Id, m.ExternalId, MemberDetails.Of(m.DisplayName, m.Email, m.Department), m.DeactivatedAt == null));
    }
}

/// <summary>The members one chunk of an import changes, loaded in one query to be changed.</summary>
public sealed class MembersToChangeSpec : Specification<Member>
{
    public MembersToChangeSpec(Guid hubId, IReadOnlyCollection<Guid> ids) =>
        Query.Where(m => m.HubId == hubId && ids.Contains(m.Id)).AsTracking();
}
