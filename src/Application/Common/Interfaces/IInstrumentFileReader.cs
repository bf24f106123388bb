using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>An uploaded instrument definition, read and checked on its own (not yet against the catalogue).</summary>
/// <param name="Definition">The definition in our JSON format (instruments/*.json), as it is stored.</param>
public sealed record InstrumentFile(CatalogueEntry Entry, InstrumentFileFormat Format, string Definition);

/// <summary>Reads an uploaded instrument definition: our JSON format or an HL7 FHIR R4 Questionnaire with ordinal values.</summary>
public interface IInstrumentFileReader
{
    /// <param name="content">The uploaded bytes; UTF-8, with or without a byte order mark.</param>
    /// <param name="known">The instruments loaded now: a Questionnaire that names no measure takes the one of its earlier versions.</param>
    /// <exception cref="InvalidInstrumentFileException">The file is not UTF-8, not JSON, or breaks a rule of its format or of the domain; the message names the item.</exception>
    Task<InstrumentFile> ReadAsync(Stream content, IReadOnlyList<Survey> known, CancellationToken cancellationToken);
}
