namespace Wellbeing.Domain.Members.Imports;

/// <summary>What an import does to one valid row's member.</summary>
public enum ImportRowAction
{
    /// <summary>No member of the hub has the row's external id or its e-mail address: a new member, without an account.</summary>
    Create,

    /// <summary>The member with the row's external id exists and the row changes them: their name, e-mail or department, or brings them back (<see cref="PlannedRow.Reactivates"/>).</summary>
    Update,

    /// <summary>The member with the row's external id exists, active and exactly as the row says.</summary>
    Unchanged,

    /// <summary>
    /// No member has the row's external id, but one member without an external id (enrolled by invitation) has its
    /// e-mail address: that member takes the external id and the row's details rather than being enrolled twice.
    /// </summary>
    MatchByEmail,
}

/// <summary>A member of the hub as the import compares it.</summary>
/// <param name="ExternalId">The HR system's id; null for a member enrolled by invitation, whom only the e-mail address can match.</param>
public sealed record ExistingMember(Guid Id, string? ExternalId, MemberDetails Details, bool IsActive);

/// <param name="MemberId">The member to update or match; null for <see cref="ImportRowAction.Create"/>.</param>
/// <param name="Reactivates">The member is deactivated and the row brings them back: the HR file is the source of truth
/// for employment (docs/decisions/0009), whoever deactivated them.</param>
public sealed record PlannedRow(ImportedMember Member, ImportRowAction Action, Guid? MemberId, bool Reactivates = false);

/// <summary>
/// Everything an import would do, decided before anything is written, so the preview shows exactly what confirming
/// does and a refused file changes nothing.
/// </summary>
/// <param name="Rows">The valid rows in file order, each with its action.</param>
/// <param name="Problems">The error report's lines, by row.</param>
/// <param name="Rejected">How many rows were rejected (a row with two problems counts once).</param>
/// <param name="Deactivations">Active members of the hub with an external id that the file does not name (full imports only; empty otherwise).</param>
/// <param name="ActiveMembers">The hub's active members (with or without an external id), the base of the deactivation limit.</param>
public sealed record MemberImportPlan(
    IReadOnlyList<PlannedRow> Rows,
    IReadOnlyList<ImportProblem> Problems,
    int Rejected,
    IReadOnlyList<Guid> Deactivations,
    int ActiveMembers)
{
    /// <summary>
    /// Plans an import. External ids compare without case: SQL Server's default collation does, so two ids differing
    /// only in case would collide on its unique index anyway. Every row of an external id that appears more than once is
    /// rejected (which of them is right cannot be told), and those ids still count as named by the file, so a full
    /// import never deactivates their member. A row whose external id no member has is matched by e-mail address
    /// (trimmed, without case, within this hub only) to a member without an external id, who takes the id: a member
    /// enrolled by invitation and later listed in an HR file is the same person, not a second member. The row is
    /// rejected when the address belongs to a member with another external id (a different employee, or a changed id:
    /// either way not the file's to decide), when two members without an external id have it, or when another row of
    /// the file claims the same member. A deactivated member the file names, by id or by address, is reactivated.
    /// Members without an external id are never deactivated: the file cannot name them.
    /// </summary>
    /// <param name="cells">The data rows in file order.</param>
    /// <param name="existing">The hub's members, with or without an external id.</param>
    /// <param name="activeMembers">The hub's active members, with or without an external id.</param>
    /// <param name="full">Whether members missing from the file are to be deactivated.</param>
    public static MemberImportPlan Make(IEnumerable<ImportCells> cells, IReadOnlyCollection<ExistingMember> existing, int activeMembers, bool full)
    {
        var problems = new List<ImportProblem>();
        var valid = new List<ImportedMember>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var duplicated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rejected = 0;
        foreach (var row in cells)
        {
            var (member, rowProblems) = MemberImportRules.Check(row);
            if (row.ExternalId.Length > 0 && !firstRowOf.TryAdd(row.ExternalId, row.Row))
            {
                duplicated.Add(row.ExternalId);
                rowProblems = [.. rowProblems, new ImportProblem(row.Row, MemberImportRules.ExternalIdColumn, $"The same external id is on row {firstRowOf[row.ExternalId]}.")];
            }

            problems.AddRange(rowProblems);
            if (member is not null && rowProblems.Count == 0)
            {
                valid.Add(member);
            }
            else
            {
                rejected++;
            }
        }

        // The first row of a duplicated id passed on its own; it is rejected as well, and says where its twin is.
        foreach (var first in valid.Where(m => duplicated.Contains(m.ExternalId)))
        {
            problems.Add(new ImportProblem(first.Row, MemberImportRules.ExternalIdColumn, "The same external id is on a later row."));
            rejected++;
        }

        var byExternalId = existing.Where(m => m.ExternalId is not null).ToDictionary(m => m.ExternalId!, StringComparer.OrdinalIgnoreCase);
        var byEmail = existing.ToLookup(m => m.Details.Email.Trim(), StringComparer.OrdinalIgnoreCase);
        var planned = new List<PlannedRow>();
        foreach (var member in valid.Where(m => !duplicated.Contains(m.ExternalId)))
        {
            if (byExternalId.TryGetValue(member.ExternalId, out var stored))
            {
                var changes = stored.Details != member.Details || !stored.IsActive;
                planned.Add(new PlannedRow(member, changes ? ImportRowAction.Update : ImportRowAction.Unchanged, stored.Id, !stored.IsActive));
                continue;
            }

            var holders = byEmail[member.Details.Email.Trim()].ToList();
            var unlinked = holders.Where(h => h.ExternalId is null).ToList();
            string? refusal = holders.Count > unlinked.Count
                ? "This e-mail address belongs to a member with another external id."
                : unlinked.Count > 1
                    ? $"{unlinked.Count} members without an external id have this e-mail address: which one this row is cannot be told."
                    : null;
            if (refusal is not null)
            {
                problems.Add(new ImportProblem(member.Row, MemberImportRules.EmailColumn, refusal));
                rejected++;
                continue;
            }

            planned.Add(unlinked is [var match]
                ? new PlannedRow(member, ImportRowAction.MatchByEmail, match.Id, !match.IsActive)
                : new PlannedRow(member, ImportRowAction.Create, null));
        }

        // Two rows with different new ids and one member's address: which of them is that member cannot be told.
        var claimedTwice = planned.Where(r => r.Action == ImportRowAction.MatchByEmail).GroupBy(r => r.MemberId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(r => new ImportProblem(r.Member.Row, MemberImportRules.EmailColumn, $"Rows {string.Join(" and ", g.Select(o => o.Member.Row))} have the e-mail address of the same member.")))
            .ToList();
        problems.AddRange(claimedTwice);
        rejected += claimedTwice.Count;
        var rejectedRows = claimedTwice.Select(p => p.Row).ToHashSet();
        var rows = planned.Where(r => !rejectedRows.Contains(r.Member.Row)).ToList();

        var deactivations = full
            ? existing.Where(m => m.ExternalId is not null && m.IsActive && !firstRowOf.ContainsKey(m.ExternalId)).Select(m => m.Id).ToList()
            : [];
        return new MemberImportPlan(rows, [.. problems.OrderBy(p => p.Row)], rejected, deactivations, activeMembers);
    }
}
