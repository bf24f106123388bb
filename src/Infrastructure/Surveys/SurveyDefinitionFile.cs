using System.Text.Json;
using System.Text.Json.Serialization;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>One instrument definition file (instruments/*.json) read into the domain's <see cref="Survey"/>.</summary>
public sealed class SurveyDefinitionFile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt "reversed" would otherwise be ignored silently and change every score.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private SurveyDefinitionFile(string fileName, Survey survey, bool isMarkedCurrent)
    {
        FileName = fileName;
        Survey = survey;
        IsMarkedCurrent = isMarkedCurrent;
    }

    public string FileName { get; }
    public Survey Survey { get; }

    /// <summary>The file says <c>"current": true</c>: its instrument is the one in use when its measure has several.</summary>
    public bool IsMarkedCurrent { get; }

    /// <summary>The definition as the catalogue holds it, named by its file.</summary>
    public CatalogueEntry Entry => new(Survey, IsMarkedCurrent, FileName);

    /// <summary>
    /// A definition in this format, as stored for an imported instrument: what <see cref="Parse"/> reads back into an
    /// equal <see cref="Survey"/> (the prose "scoreRange" is not kept).
    /// </summary>
    public static string Write(Survey survey, bool isMarkedCurrent) => JsonSerializer.Serialize(
        new SurveyDefinitionJson(
            survey.Key,
            survey.Version,
            survey.Measure == Measure.Wellbeing ? "wellbeing" : "alliance",
            survey.Title,
            survey.Instructions,
            survey.Scoring.ToString(),
            survey.Options.Select(o => new AnswerOptionJson(o.Value, o.Label)).ToList(),
            survey.Items.Select(i => new SurveyItemJson(i.Id, i.Text, i.Reversed)).ToList(),
            survey.Subscales.Select(s => new SubscaleJson(s.Key, s.Title, s.ItemIds)).ToList(),
            survey.Bands.Select(b => new InterpretationBandJson(b.Label, b.From, b.To, b.Meaning)).ToList(),
            survey.IsValidated,
            new LicenceJson(survey.Licence.Name, survey.Licence.Attribution, survey.Licence.Url, survey.Licence.CommercialUseNote),
            survey.ValidityNote,
            Current: isMarkedCurrent),
        JsonOptions);

    /// <exception cref="InvalidSurveyDefinitionException">The file is missing, unreadable, malformed or breaks a rule of the domain.</exception>
    public static SurveyDefinitionFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidSurveyDefinitionException($"Instrument definition {fileName} could not be read: {e.Message}", e);
        }

        return Parse(json, fileName);
    }

    /// <param name="fileName">Only used to name the source in error messages.</param>
    public static SurveyDefinitionFile Parse(string json, string fileName)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<SurveyDefinitionJson>(json, JsonOptions)
                ?? throw new InvalidSurveyDefinitionException($"Instrument definition {fileName} is empty (null).");
            return new SurveyDefinitionFile(fileName, ToSurvey(definition), definition.Current);
        }
        catch (JsonException e)
        {
            throw new InvalidSurveyDefinitionException($"Instrument definition {fileName} is not valid: {e.Message}", e);
        }
        catch (DomainException e)
        {
            throw new InvalidSurveyDefinitionException($"Instrument definition {fileName} is not valid: {e.Message}", e);
        }
    }

    private static Survey ToSurvey(SurveyDefinitionJson definition) => new(
        definition.Key,
        definition.Version,
        MeasureOf(definition.Measure),
        definition.Title,
        definition.Instructions,
        NoNulls(definition.Items, "items").Select(i => new SurveyItem(i.Id, i.Text, i.Reversed)).ToList(),
        NoNulls(definition.Options, "options").Select(o => new AnswerOption(o.Value, o.Label)).ToList(),
        ScoringRule.Parse(definition.Scoring),
        NoNulls(definition.Subscales, "subscales").Select(s => new Subscale(s.Key, s.Title, NoNulls(s.Items, $"subscale {s.Key}"))).ToList(),
        NoNulls(definition.Bands, "bands").Select(b => new InterpretationBand(b.Label, b.From, b.To, b.Meaning)).ToList(),
        new SurveyLicence(definition.Licence.Name, definition.Licence.Attribution, definition.Licence.Url, definition.Licence.CommercialUseNote),
        definition.Validated,
        definition.ValidityNote);

    // The serializer checks nullability of properties but not of list entries.
    private static IReadOnlyList<T> NoNulls<T>(IReadOnlyList<T> list, string name) =>
        list.Any(e => e is null) ? throw new DomainException($"\"{name}\" has an empty (null) entry.") : list;

    private static Measure MeasureOf(string measure) => measure switch
    {
        "wellbeing" => Measure.Wellbeing,
        "alliance" => Measure.Alliance,
        _ => throw new DomainException($"Unknown measure \"{measure}\": use \"wellbeing\" or \"alliance\"."),
    };
}
