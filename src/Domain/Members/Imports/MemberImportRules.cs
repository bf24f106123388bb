using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Members.Imports;

/// <summary>One data row of an import file as read, before any rule: the cells of the known columns, trimmed.</summary>
/// <param name="Row">The row's number as a spreadsheet shows it: the header is row 1, so the first member is row 2.</param>
/// <param name="Department">Null when the file has no department column.</param>
public sealed record ImportCells(int Row, string ExternalId, string Email, string Name, string? Department);

/// <summary>A row that passed <see cref="MemberImportRules.Check"/>: an employee as the file describes them.</summary>
public sealed record ImportedMember(int Row, string ExternalId, MemberDetails Details);

/// <summary>Why a row (or, with row 1, the header) was rejected; one line of the error report.</summary>
/// <param name="Column">The column's name in the file, or empty when the problem is the row as a whole.</param>
public sealed record ImportProblem(int Row, string Column, string Reason);

/// <summary>
/// What a member import file must be (the CSV columns are documented in docs/member-import.md). Limits on the whole
/// file are the (#14): a wrong file must be refused before it changes anything.
/// </summary>
public static class MemberImportRules
{
    public const string ExternalIdColumn = "external_id";
    public const string EmailColumn = "email";
    public const string NameColumn = "name";
    public const string DepartmentColumn = "department";

    /// <summary>At most this many data rows (the header not counted).</summary>
    public const int MaxRows = 100_000;

    /// <summary>At most this many bytes in the file: 50 MiB.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The database's column lengths (Infrastructure's Lengths): a longer value is refused here, not by the database.</summary>
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxExternalIdLength = 128;

    public static IReadOnlyList<string> RequiredColumns { get; } = [ExternalIdColumn, EmailColumn, NameColumn];

    public static IReadOnlyList<string> OptionalColumns { get; } = [DepartmentColumn];

    /// <summary>
    /// The header's problems: a required column missing, a column named twice, or a column this import does not know
    /// (most often a typo, which would otherwise drop that column's data silently). Names compare without case.
    /// </summary>
    /// <returns>Empty when the header is right.</returns>
    public static IReadOnlyList<string> HeaderProblems(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var problems = new List<string>();
        problems.AddRange(RequiredColumns.Where(c => !names.Contains(c)).Select(c => $"The column \"{c}\" is missing."));
        problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"The column \"{g.Key}\" appears more than once."));
        problems.AddRange(names.Distinct().Where(n => !RequiredColumns.Contains(n) && !OptionalColumns.Contains(n))
            .Select(n => n.Length == 0 ? "A column has no name." : $"The column \"{n}\" is not one this import knows."));
        return problems;
    }

    /// <summary>Checks one row on its own; duplicates across rows are <see cref="MemberImportPlan.Make"/>'s concern.</summary>
    /// <returns>The member, or the row's problems (one per column at fault).</returns>
    public static (ImportedMember? Member, IReadOnlyList<ImportProblem> Problems) Check(ImportCells cells)
    {
        var problems = new List<ImportProblem>();
        Require(cells.Row, ExternalIdColumn, cells.ExternalId, MaxExternalIdLength, problems);
        if (Require(cells.Row, NameColumn, cells.Name, MaxNameLength, problems) && cells.Name.Any(MemberDetails.IsForbiddenControl))
        {
            problems.Add(new ImportProblem(cells.Row, NameColumn, MemberDetails.NameControlCharacters));
        }

        if (Require(cells.Row, EmailColumn, cells.Email, MaxEmailLength, problems) && !EmailAddresses.IsDeliverable(cells.Email))
        {
            problems.Add(new ImportProblem(cells.Row, EmailColumn, "Not an e-mail address."));
        }

        try
        {
            Member.NormaliseDepartment(cells.Department);
        }
        catch (DomainException refused)
        {
            // The department rule is the member's own (length, no control characters such as a quoted line break).
            problems.Add(new ImportProblem(cells.Row, DepartmentColumn, refused.Message));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ImportedMember(cells.Row, cells.ExternalId, MemberDetails.Of(cells.Name, cells.Email, cells.Department)), problems);
    }

    /// <summary>
    /// Whether a full import may deactivate <paramref name="deactivating"/> of the hub's <paramref name="active"/>
    /// members: not more than <paramref name="maxShare"/> of them (0.4 = 40 %), so a wrong or truncated file cannot
    /// empty a programme (issue #14).
    /// </summary>
    public static bool MayDeactivate(int deactivating, int active, decimal maxShare) =>
        deactivating == 0 || deactivating <= maxShare * active;

    private static bool Require(int row, string column, string value, int maxLength, List<ImportProblem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(new ImportProblem(row, column, "Empty."));
            return false;
        }

        if (value.Length > maxLength)
        {
            problems.Add(new ImportProblem(row, column, $"Longer than {maxLength} characters."));
            return false;
        }

        return true;
    }
}
