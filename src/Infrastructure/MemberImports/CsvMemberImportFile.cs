using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Infrastructure.MemberImports;

/// <summary>
/// Member files as spreadsheets write them, read with CsvHelper: UTF-8 with or without a byte order mark, the
/// separator detected (comma or semicolon, as a spreadsheet in a decimal-comma locale writes), quoted fields with line
/// breaks (RFC 4180), spaces around values trimmed, empty lines skipped. A row's number counts records, not lines, so it
/// is the row a spreadsheet shows (the header is row 1).
/// </summary>
internal sealed class CsvMemberImportFile : IMemberImportCsv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
    };

    public IReadOnlyList<ImportCells> Read(byte[] content)
    {
        // Checked up front: the reader would transcode a UTF-16 file (from its byte order mark), and replace a Latin-1
        // byte with U+FFFD without a word; either way names would be stored wrong.
        if (!Utf8.IsValid(content))
        {
            throw new MemberImportRefusedException("The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\" and upload it again.");
        }

        try
        {
            using var reader = CsvReader.Create(content, Options);
            var header = reader.Headers;
            if (header.Count == 0)
            {
                throw new MemberImportRefusedException("The file is empty: it needs a header row (external_id, email, name, department) and a row per member.");
            }

            var problems = MemberImportRules.HeaderProblems(header);
            if (problems.Count > 0)
            {
                throw new MemberImportRefusedException($"The header row is not right: {string.Join(" ", problems)} Expected the columns external_id, email, name and optionally department.");
            }

            var externalId = ColumnOf(reader, MemberImportRules.ExternalIdColumn)!.Value;
            var email = ColumnOf(reader, MemberImportRules.EmailColumn)!.Value;
            var name = ColumnOf(reader, MemberImportRules.NameColumn)!.Value;
            var department = ColumnOf(reader, MemberImportRules.DepartmentColumn);
            var rows = new List<ImportCells>();
            while (reader.Read())
            {
                if (rows.Count == MemberImportRules.MaxRows)
                {
                    throw new MemberImportRefusedException($"The file has more than {MemberImportRules.MaxRows:N0} rows. Split it into files of at most {MemberImportRules.MaxRows:N0} rows.");
                }

                rows.Add(new ImportCells(
                    rows.Count + 2,
                    reader.GetString(externalId),
                    reader.GetString(email),
                    reader.GetString(name),
                    department is { } column ? reader.GetString(column) : null));
            }

            return rows;
        }
        catch (CsvFormatException broken)
        {
            throw new MemberImportRefusedException($"The file's quoting is broken: {broken.Message} Check that every quoted field ends with a quote.");
        }
    }

    public string ErrorReport(IEnumerable<ImportProblem> problems)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(["row", "column", "reason"]);
            foreach (var problem in problems)
            {
                csv.WriteRecord([problem.Row.ToString(CultureInfo.InvariantCulture), problem.Column, problem.Reason]);
            }
        }

        return text.ToString();
    }

    private static int? ColumnOf(CsvReader reader, string name) =>
        reader.TryGetFieldIndex(name, out var index) ? index : null;
}
