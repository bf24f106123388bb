using System.Text;
using System.Text.Json;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Fhir;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>
/// Tells the two upload formats apart by the FHIR <c>resourceType</c> member (a Questionnaire has one, our definition
/// format has none) and returns the definition in our format, as it is stored.
/// </summary>
public sealed class InstrumentFileReader : IInstrumentFileReader
{
    /// <summary>Only names the upload in messages; the administrator's own file name is not repeated back.</summary>
    private const string UploadName = "The uploaded file";

    // Throws on the first byte that is not UTF-8 instead of turning it into a replacement character.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<InstrumentFile> ReadAsync(Stream content, IReadOnlyList<Survey> known, CancellationToken cancellationToken)
    {
        var json = await TextOf(content, cancellationToken);
        if (IsFhirResource(json, out var resourceType))
        {
            if (resourceType != "Questionnaire")
            {
                throw new InvalidInstrumentFileException($"{UploadName} is a FHIR {resourceType}; upload a Questionnaire.");
            }

            var entry = FhirQuestionnaireReader.Read(json, known);
            return new InstrumentFile(entry, InstrumentFileFormat.FhirQuestionnaire, SurveyDefinitionFile.Write(entry.Survey, entry.IsMarkedCurrent));
        }

        try
        {
            var file = SurveyDefinitionFile.Parse(json, UploadName);
            return new InstrumentFile(file.Entry, InstrumentFileFormat.Definition, SurveyDefinitionFile.Write(file.Survey, file.IsMarkedCurrent));
        }
        catch (InvalidSurveyDefinitionException e)
        {
            throw new InvalidInstrumentFileException(e.Message);
        }
    }

    private static async Task<string> TextOf(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // Spreadsheets and Windows editors write a byte order mark; it is not part of the JSON.
        var bom = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInstrumentFileException($"{UploadName} is not UTF-8 text: save it as UTF-8 and upload it again.");
        }
    }

    private static bool IsFhirResource(string json, out string resourceType)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String)
            {
                resourceType = type.GetString()!;
                return true;
            }
        }
        catch (JsonException e)
        {
            throw new InvalidInstrumentFileException($"{UploadName} is not JSON: {e.Message}");
        }

        resourceType = string.Empty;
        return false;
    }
}
