namespace Wellbeing.Domain.Members.Imports;

/// <summary>What an import does to one valid row's member.</summary>
public enum ImportRowAction
{
    /// <summary>No member of the hub has the row's external id: a new member, without an account.</summary>
    Create,

    /// <summary>The member exists and the row changes their name, e-mail or department.</summary>
    Update,

    /// <summary>The member exists exactly as the row says.</summary>
    Unchanged,
}

/// <summary>A member of the hub as the import compares it: only members with an external id take part.</summary>
public sealed record ExistingMember(Guid Id, string ExternalId, MemberDetails Details, bool IsActive);

/// <param name="MemberId">The member to update; null for <see cref="ImportRowAction.Create"/>.</param>
public sealed record PlannedRow(ImportedMember Member, ImportRowAction Action, Guid? MemberId);

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
    public int Count(ImportRowAction action) => Rows.Count(r => r.Action == action);

    /// <summary>
    /// Plans an import. External ids compare without case: SQL Server's default collation does, so two ids differing
    /// only in case would collide on its unique index anyway. Every row of an external id that appears more than once is
    /// rejected (which of them is right cannot be told), and those ids still count as named by the file, so a full
    /// import never deactivates their member. Members without an external id (enrolled by invitation) are never
    /// matched or deactivated: the file cannot name them.
    /// </summary>
    /// <param name="cells">The data rows in file order.</param>
    /// <param name="existing">The hub's members with an external id.</param>
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

        var byExternalId = existing.ToDictionary(m => m.ExternalId, StringComparer.OrdinalIgnoreCase);
        var rows = valid.Where(m => !duplicated.Contains(m.ExternalId)).Select(m => byExternalId.TryGetValue(m.ExternalId, out var stored)
                ? new PlannedRow(m, stored.Details == m.Details ? ImportRowAction.Unchanged : ImportRowAction.Update, stored.Id)
                : new PlannedRow(m, ImportRowAction.Create, null))
            .ToList();
        var deactivations = full
            ? existing.Where(m => m.IsActive && !firstRowOf.ContainsKey(m.ExternalId)).Select(m => m.Id).ToList()
            : [];
        return new MemberImportPlan(rows, [.. problems.OrderBy(p => p.Row)], rejected, deactivations, activeMembers);
    }
}
