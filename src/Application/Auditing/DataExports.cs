namespace Wellbeing.Application.Auditing;

/// <summary>The object of a <see cref="Domain.Auditing.AuditAction.DataExported"/> entry: which download was made.</summary>
public static class DataExports
{
    public const string MyDataJson = "my-data.json";
    public const string MyDataFhir = "my-data.fhir.json";
    public const string HrFiguresCsv = "hr-figures.csv";
}
