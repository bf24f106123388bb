namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>A Gherkin data table; the first row is the header.</summary>
public sealed class StepTable
{
    public StepTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("A data table has at least a header row.", nameof(rows));
        }

        Header = rows[0];
        Rows = rows.Skip(1)
            .Select(cells => (IReadOnlyDictionary<string, string>)Header
                .Select((column, index) => (column, value: cells[index]))
                .ToDictionary(cell => cell.column, cell => cell.value))
            .ToList();
        Cells = rows;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows under the header, each keyed by column name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Every row including the header, for tables without one (for example key/value pairs).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; }
}
