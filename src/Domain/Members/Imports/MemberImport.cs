using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Members.Imports;

public enum MemberImportStatus
{
    /// <summary>Checked and previewed; nothing written until an administrator confirms.</summary>
    AwaitingConfirmation,

    /// <summary>Confirmed and queued, or being written (see <see cref="MemberImport.ProcessedRows"/>).</summary>
    Running,

    /// <summary>Every row written and, for a full import, the missing members deactivated.</summary>
    Completed,

    /// <summary>Stopped before writing anything, with <see cref="MemberImport.Refusal"/> saying why.</summary>
    Refused,
}

/// <summary>
/// One upload of a member file to a hub: its preview counts, then its progress and summary. The file itself is a
/// <see cref="MemberImportFile"/> of the same id, so reading progress never loads it. Holds counts only, never a
/// person's details; the error report names rows and columns, not values.
/// </summary>
public sealed class MemberImport : IAggregateRoot
{
    private MemberImport()
    {
        FileName = string.Empty;
        UploadedBy = string.Empty;
        ErrorReport = string.Empty;
    }

    /// <param name="full">Deactivate the hub's members that the file does not name.</param>
    /// <param name="errorReport">The rejected rows as CSV (row, column, reason).</param>
    public MemberImport(Guid hubId, string fileName, string uploadedBy, DateTimeOffset uploadedAt, bool full, MemberImportPlan plan, string errorReport)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        FileName = fileName.Length > MaxFileNameLength ? fileName[..MaxFileNameLength] : fileName;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Full = full;
        ErrorReport = errorReport;
        Status = MemberImportStatus.AwaitingConfirmation;
        Count(plan);
    }

    /// <summary>The stored name's length; a longer upload name is cut, since it only labels the import.</summary>
    public const int MaxFileNameLength = 200;

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>The file's name as uploaded, at most <see cref="MaxFileNameLength"/> characters (shown to administrators only).</summary>
    public string FileName { get; private set; }

    /// <summary>The administrator's account id.</summary>
    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
    public bool Full { get; private set; }
    public MemberImportStatus Status { get; private set; }

    /// <summary>Valid rows, the progress bar's 100 %.</summary>
    public int ValidRows { get; private set; }

    /// <summary>Valid rows written so far: a retried job resumes after them.</summary>
    public int ProcessedRows { get; private set; }

    // In the preview: what confirming would do. Once running: what was done so far, then the summary.
    public int Created { get; private set; }

    /// <summary>Members without an external id (enrolled by invitation) whom a row matched by e-mail address and gave its id (<see cref="ImportRowAction.MatchByEmail"/>).</summary>
    public int MatchedByEmail { get; private set; }

    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Deactivated { get; private set; }

    /// <summary>Deactivated members the file named and brought back; each is also counted as updated or matched by e-mail.</summary>
    public int Reactivated { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Why a confirmed import stopped before writing; null otherwise.</summary>
    public string? Refusal { get; private set; }

    public string ErrorReport { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The administrator's account id who confirmed it; the job's audit entries name them.</summary>
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <exception cref="DomainException">The import was confirmed before.</exception>
    /// <param name="by">The administrator's account id, recorded as who started it.</param>
    public void Confirm(DateTimeOffset at, string by)
    {
        if (Status != MemberImportStatus.AwaitingConfirmation)
        {
            throw new DomainException("This import was already confirmed.");
        }

        Status = MemberImportStatus.Running;
        ConfirmedAt = at;
        ConfirmedBy = by;
    }

    /// <summary>
    /// Starts (or, after a failed attempt, resumes) writing with the plan made from the data as it is now: the
    /// counts become those of this plan, with the rows already written counted as they were then.
    /// </summary>
    /// <exception cref="DomainException">The import is not running.</exception>
    public void Start(MemberImportPlan plan)
    {
        if (Status != MemberImportStatus.Running)
        {
            throw new DomainException("Only a confirmed import can run.");
        }

        if (ProcessedRows == 0)
        {
            Count(plan);
            Created = MatchedByEmail = Updated = Unchanged = Reactivated = Deactivated = 0;
        }
    }

    /// <summary>One chunk of planned rows written, in the same transaction as the rows.</summary>
    public void Wrote(IReadOnlyCollection<PlannedRow> rows)
    {
        Add(rows);
        ProcessedRows += rows.Count;
    }

    public void DeactivatedMembers(int count) => Deactivated += count;

    public void Complete(DateTimeOffset at)
    {
        Status = MemberImportStatus.Completed;
        CompletedAt = at;
    }

    /// <summary>Stops a confirmed import that has written nothing yet.</summary>
    public void Refuse(string reason, DateTimeOffset at)
    {
        Status = MemberImportStatus.Refused;
        Refusal = reason;
        CompletedAt = at;
    }

    private void Count(MemberImportPlan plan)
    {
        ValidRows = plan.Rows.Count;
        Created = MatchedByEmail = Updated = Unchanged = Reactivated = 0;
        Add(plan.Rows);
        Deactivated = plan.Deactivations.Count;
        Rejected = plan.Rejected;
    }

    private void Add(IReadOnlyCollection<PlannedRow> rows)
    {
        Created += rows.Count(r => r.Action == ImportRowAction.Create);
        MatchedByEmail += rows.Count(r => r.Action == ImportRowAction.MatchByEmail);
        Updated += rows.Count(r => r.Action == ImportRowAction.Update);
        Unchanged += rows.Count(r => r.Action == ImportRowAction.Unchanged);
        Reactivated += rows.Count(r => r.Reactivates);
    }
}

/// <summary>
/// The uploaded file's bytes, kept in the database beside its <see cref="MemberImport"/> (same id) so that whichever
/// node's job runner picks the import up can read it (docs/decisions/0009-member-import-files-in-the-database.md).
/// </summary>
public sealed class MemberImportFile : IAggregateRoot
{
    private MemberImportFile() => Content = [];

    public MemberImportFile(Guid importId, byte[] content)
    {
        ImportId = importId;
        Content = content;
    }

    public Guid ImportId { get; private set; }
    public byte[] Content { get; private set; }
}
