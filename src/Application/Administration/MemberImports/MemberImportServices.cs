using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Application.Administration.MemberImports;

/// <summary>Reads and writes the CSV of member imports (the format is in docs/member-import.md).</summary>
public interface IMemberImportCsv
{
    /// <summary>The data rows of a member file, trimmed, in file order; the header is row 1.</summary>
    /// <exception cref="MemberImportRefusedException">Not UTF-8, broken quoting, a wrong header, or more than
    /// <see cref="MemberImportRules.MaxRows"/> rows: the whole file is refused.</exception>
    IReadOnlyList<ImportCells> Read(byte[] content);

    /// <summary>The error report: a header and one line per problem (row, column, reason), values escaped against formula injection.</summary>
    string ErrorReport(IEnumerable<ImportProblem> problems);
}

/// <summary>The whole file, or the whole confirmed import, was refused; the message says why and may be shown.</summary>
public sealed class MemberImportRefusedException(string message) : DomainException(message);

/// <summary>The limits an administrator's deployment sets on imports (configuration section "MemberImport").</summary>
/// <param name="MaxDeactivatedShare">A full import stops before deactivating more than this share of the hub's active members (0.4 = 40 %).</param>
/// <param name="RowsPerSave">Rows written per transaction: each chunk saves once and advances the progress bar.</param>
public sealed record MemberImportSettings(decimal MaxDeactivatedShare = 0.4m, int RowsPerSave = 1000)
{
    public const string Section = "MemberImport";

    /// <exception cref="ArgumentOutOfRangeException">The share is not between 0 and 1, or the chunk size is below 1.</exception>
    public MemberImportSettings Validated() =>
        MaxDeactivatedShare is < 0 or > 1 ? throw new ArgumentOutOfRangeException(nameof(MaxDeactivatedShare), MaxDeactivatedShare, "A share between 0 and 1, such as 0.4.")
        : RowsPerSave < 1 ? throw new ArgumentOutOfRangeException(nameof(RowsPerSave), RowsPerSave, "At least one row per save.")
        : this;
}

/// <summary>Queues the writing of a confirmed import outside the request (a Hangfire job).</summary>
public interface IMemberImportJobs
{
    /// <returns>The queued job's id.</returns>
    string Enqueue(Guid importId);
}
