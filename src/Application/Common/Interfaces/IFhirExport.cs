using Wellbeing.Application.Clients.Queries.ExportMyData;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>Writes a member's export in HL7 FHIR R4, so another health system can read it.</summary>
public interface IFhirExport
{
    /// <summary>A JSON Bundle with one QuestionnaireResponse per submission.</summary>
    string QuestionnaireResponseBundle(MyDataExportDto export);
}
