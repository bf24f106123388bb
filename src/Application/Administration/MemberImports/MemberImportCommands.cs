using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Application.Administration.MemberImports;

/// <param name="Full">Deactivate the hub's members that the file does not name, once confirmed.</param>
/// <param name="UserId">The administrator uploading it.</param>
public sealed record UploadMemberImportCommand(Guid HubId, string FileName, byte[] Content, bool Full, string UserId);

/// <summary>
/// Checks an uploaded member file and saves its preview: what confirming would create, update, leave and deactivate,
/// and the rejected rows' report. Nothing about any member changes until <see cref="ConfirmMemberImportHandler"/>.
/// </summary>
public sealed class UploadMemberImportHandler(
    IRepository<Hub> hubs,
    IRepository<Member> members,
    IRepository<MemberImport> imports,
    IRepository<MemberImportFile> files,
    IMemberImportCsv csv,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <returns>The import's id, for its preview page.</returns>
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    /// <exception cref="MemberImportRefusedException">The file is over <see cref="MemberImportRules.MaxBytes"/>, not UTF-8, badly quoted,
    /// has a wrong header or too many rows: nothing is saved.</exception>
    public async Task<Guid> Handle(UploadMemberImportCommand command, CancellationToken cancellationToken)
    {
        if (!await hubs.AnyAsync(new HubByIdSpec(command.HubId), cancellationToken))
        {
            throw new NotFoundException("Hub");
        }

        if (command.Content.LongLength > MemberImportRules.MaxBytes)
        {
            throw new MemberImportRefusedException(MemberImportLimits.TooLarge);
        }

        var plan = await MemberImportPlanning.PlanAsync(members, command.HubId, csv.Read(command.Content), command.Full, cancellationToken);
        var import = new MemberImport(command.HubId, Path.GetFileName(command.FileName), command.UserId, clock.GetUtcNow(), command.Full, plan, csv.ErrorReport(plan.Problems));
        imports.Add(import);
        files.Add(new MemberImportFile(import.Id, command.Content));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return import.Id;
    }
}

/// <summary>
/// Queues again every import confirmed but not finished, for a node's start-up. On the embedded setup the job queue is
/// in memory and a restart loses it; with a queue in the database a node may have stopped between saving the
/// confirmation and queuing the job. The job is resumable and runs one at a time per import
/// (<see cref="RunMemberImportHandler"/>), so a second copy of a job still queued finds its import finished, or
/// resumes after the rows saved.
/// </summary>
public sealed class ResumeMemberImportsHandler(IRepository<MemberImport> imports, IMemberImportJobs jobs)
{
    /// <returns>How many imports were queued again.</returns>
    public async Task<int> Handle(CancellationToken cancellationToken)
    {
        var running = await imports.ListAsync(new RunningMemberImportsSpec(), cancellationToken);
        foreach (var importId in running)
        {
            jobs.Enqueue(importId);
        }

        return running.Count;
    }
}

public sealed record ConfirmMemberImportCommand(Guid HubId, Guid ImportId, string UserId);

/// <summary>The administrator confirms a previewed import; a job then writes it (<see cref="RunMemberImportHandler"/>).</summary>
public sealed class ConfirmMemberImportHandler(IRepository<MemberImport> imports, IMemberImportJobs jobs, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <exception cref="NotFoundException">No such import in this hub.</exception>
    /// <exception cref="DomainException">It was confirmed before (a second click, another administrator).</exception>
    /// <exception cref="ConflictException">Another request confirmed it at the same moment.</exception>
    public async Task Handle(ConfirmMemberImportCommand command, CancellationToken cancellationToken)
    {
        var import = await imports.FirstOrDefaultAsync(new MemberImportSpec(command.ImportId, forUpdate: true), cancellationToken);
        if (import is null || import.HubId != command.HubId)
        {
            throw new NotFoundException("Import");
        }

        import.Confirm(clock.GetUtcNow(), command.UserId);
        audit.Record(AuditAction.MemberImportStarted, import.HubId, import.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);

        // Queued once the confirmation is saved, so the job always finds it confirmed.
        jobs.Enqueue(import.Id);
    }
}

public sealed record RunMemberImportCommand(Guid ImportId);

/// <summary>
/// Writes a confirmed import, planned again from the members as they are now (they may have changed since the
/// preview): rows in chunks of <see cref="MemberImportSettings.RowsPerSave"/>, each chunk one query for the members it
/// updates, matches by e-mail or reactivates and one save with the progress, then the deactivations the same way. A
/// retried run, or one queued again at start-up (<see cref="ResumeMemberImportsHandler"/>), resumes after the rows
/// already written. It creates no accounts and sends no e-mail (members are invited separately), and it never touches
/// published HR figures, which are stored per closed period.
/// </summary>
public sealed class RunMemberImportHandler(
    IRepository<Member> members,
    IRepository<MemberImport> imports,
    IRepository<MemberImportFile> files,
    IMemberImportCsv csv,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    MemberImportSettings settings,
    TimeProvider clock)
{
    /// <summary>Runs the import if it is confirmed and not finished; anything else (finished, refused, unknown) is left as it is.</summary>
    public async Task Handle(RunMemberImportCommand command, CancellationToken cancellationToken)
    {
        var import = await imports.FirstOrDefaultAsync(new MemberImportSpec(command.ImportId, forUpdate: true), cancellationToken);
        if (import is not { Status: MemberImportStatus.Running })
        {
            return;
        }

        var file = await files.FirstOrDefaultAsync(new MemberImportFileSpec(import.Id), cancellationToken)
            ?? throw new InvalidOperationException($"The file of import {import.Id} is missing.");
        var plan = await MemberImportPlanning.PlanAsync(members, import.HubId, csv.Read(file.Content), import.Full, cancellationToken);
        if (!MemberImportRules.MayDeactivate(plan.Deactivations.Count, plan.ActiveMembers, settings.MaxDeactivatedShare))
        {
            import.Refuse(MemberImportLimits.TooManyDeactivations(plan.Deactivations.Count, plan.ActiveMembers, settings.MaxDeactivatedShare), clock.GetUtcNow());
            audit.Record(AuditAction.MemberImportCompleted, import.HubId, Audited(import), AuditOutcome.Refused, import.ConfirmedBy);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return;
        }

        import.Start(plan);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        foreach (var chunk in plan.Rows.Skip(import.ProcessedRows).Chunk(settings.RowsPerSave))
        {
            import = await NextUnitAsync(import.Id, cancellationToken);
            var toChange = chunk.Where(r => r.Action is ImportRowAction.Update or ImportRowAction.MatchByEmail).Select(r => r.MemberId!.Value).ToList();
            var stored = toChange.Count == 0 ? [] : (await members.ListAsync(new MembersToChangeSpec(import.HubId, toChange), cancellationToken)).ToDictionary(m => m.Id);
            foreach (var row in chunk)
            {
                switch (row.Action)
                {
                    case ImportRowAction.Create:
                        members.Add(new Member(import.HubId, row.Member.Details, clock.GetUtcNow(), row.Member.ExternalId));
                        break;
                    case ImportRowAction.Update or ImportRowAction.MatchByEmail:
                        Apply(row, stored[row.MemberId!.Value], import.ConfirmedBy);
                        break;
                }
            }

            import.Wrote(chunk);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        foreach (var chunk in plan.Deactivations.Chunk(settings.RowsPerSave))
        {
            import = await NextUnitAsync(import.Id, cancellationToken);
            var leaving = await members.ListAsync(new MembersToChangeSpec(import.HubId, chunk), cancellationToken);
            foreach (var member in leaving)
            {
                member.Deactivate(clock.GetUtcNow());
                audit.Record(AuditAction.MemberDeactivatedByImport, import.HubId, member.Id.ToString(), userId: import.ConfirmedBy);
            }

            import.DeactivatedMembers(leaving.Count);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        import = await NextUnitAsync(import.Id, cancellationToken);
        import.Complete(clock.GetUtcNow());
        audit.Record(AuditAction.MemberImportCompleted, import.HubId, Audited(import), userId: import.ConfirmedBy);
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What a matched row changes: the external id it gives a member matched by e-mail, the details, and a deactivated member's return.</summary>
    private void Apply(PlannedRow row, Member member, string? confirmedBy)
    {
        if (row.Action == ImportRowAction.MatchByEmail)
        {
            member.AdoptExternalId(row.Member.ExternalId);
        }

        member.Correct(row.Member.Details);
        if (row.Reactivates)
        {
            // The same change and entry as the members page's reactivation; published figures stay as they are (ADR 0006).
            member.Reactivate();
            audit.Record(AuditAction.MemberReactivated, member.HubId, member.Id.ToString(), userId: confirmedBy);
        }
    }

    /// <summary>The completed entry's object: the import and its counts, never a person (<see cref="AuditAction.MemberImportCompleted"/>).</summary>
    private static string Audited(MemberImport import) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{import.Id} created={import.Created} matched={import.MatchedByEmail} updated={import.Updated} unchanged={import.Unchanged} reactivated={import.Reactivated} deactivated={import.Deactivated} rejected={import.Rejected}");

    /// <summary>Forgets the entities of the last chunk, so each save compares only its own chunk, and loads the import again.</summary>
    private async Task<MemberImport> NextUnitAsync(Guid importId, CancellationToken cancellationToken)
    {
        unitOfWork.ClearTracking();
        return await imports.FirstOrDefaultAsync(new MemberImportSpec(importId, forUpdate: true), cancellationToken)
            ?? throw new InvalidOperationException($"Import {importId} disappeared while running.");
    }
}

/// <summary>Plans an import against the hub's members as stored now: two queries, whatever the file's size.</summary>
internal static class MemberImportPlanning
{
    public static async Task<MemberImportPlan> PlanAsync(IRepository<Member> members, Guid hubId, IReadOnlyList<ImportCells> cells, bool full, CancellationToken cancellationToken)
    {
        var existing = await members.ListAsync(new ImportableMembersSpec(hubId), cancellationToken);
        var active = await members.CountAsync(new ActiveMembersOfHubSpec(hubId), cancellationToken);
        return MemberImportPlan.Make(cells, existing, active, full);
    }
}

/// <summary>The messages of the limits, worded once for the upload page, the preview and the job.</summary>
public static class MemberImportLimits
{
    public const string TooLarge = "The file is larger than 50 MB. Split it, or leave out columns the import does not use.";

    public static string TooManyDeactivations(int deactivating, int active, decimal maxShare) =>
        $"The import would deactivate {deactivating} of the hub's {active} active members, more than the {Percent(maxShare)} allowed at once. "
        + "Nothing was changed. Check that the file lists every current employee, or import it without deactivating.";

    /// <summary>A share as the pages write it, whatever the server's culture: 0.4 is "40 %".</summary>
    public static string Percent(decimal share) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{share * 100:0.##} %");
}
