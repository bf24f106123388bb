using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Wellbeing.Domain.Common;
using Measure = Wellbeing.Domain.Common.Measure;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Fhir;

/// <summary>
/// Reads an HL7 FHIR R4 Questionnaire into an instrument definition (docs/instruments.md, "FHIR Questionnaire").
/// Every item is a <c>choice</c> whose answer options are Codings carrying the standard ordinalValue extension (R4:
/// on the option or on its Coding); every item offers the same answers, and an item whose ordinal values run the other
/// way is a reversed item. What FHIR cannot say (measure, scoring rule, validation, commercial-use permission) comes
/// from the extensions and the code named here; without them an instrument is unvalidated, scored as the sum.
/// </summary>
public static class FhirQuestionnaireReader
{
    /// <summary>http://hl7.org/fhir/R4/extension-ordinalvalue.html: the numeric value of an answer, used for scoring.</summary>
    public const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /// <summary>Questionnaire.code system naming the measure: code "wellbeing" or "alliance".</summary>
    public const string MeasureSystem = "urn:wellbeing-hubs:measure";

    /// <summary>valueString: the scoring rule as in our format ("sum", "mean", "sum_times(4)"); "sum" without it.</summary>
    public const string ScoringExtension = "urn:wellbeing-hubs:fhir:scoring";

    /// <summary>valueBoolean: the instrument is validated; false without it.</summary>
    public const string ValidatedExtension = "urn:wellbeing-hubs:fhir:validated";

    /// <summary>valueString: commercial use needs the copyright holder's permission, and where to ask for it.</summary>
    public const string CommercialUseExtension = "urn:wellbeing-hubs:fhir:commercial-use-note";

    /// <summary>valueBoolean: this instrument is the one in use when its measure has several.</summary>
    public const string CurrentExtension = "urn:wellbeing-hubs:fhir:current";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <param name="known">The instruments loaded now: a Questionnaire without a measure code takes its earlier versions' measure.</param>
    /// <exception cref="InvalidInstrumentFileException">The Questionnaire is not valid FHIR R4 or cannot be an instrument here; the message names the item.</exception>
    public static CatalogueEntry Read(string json, IReadOnlyList<Survey> known)
    {
        Questionnaire questionnaire;
        try
        {
            questionnaire = JsonSerializer.Deserialize<Questionnaire>(json, Json)
                ?? throw new InvalidInstrumentFileException("The Questionnaire is empty.");
        }
        catch (DeserializationFailedException e)
        {
            throw new InvalidInstrumentFileException($"The Questionnaire is not valid FHIR R4 JSON: {e.Message}");
        }

        var key = KeyOf(questionnaire);
        var items = questionnaire.Item;
        if (items.Count == 0)
        {
            throw new InvalidInstrumentFileException("The Questionnaire has no items.");
        }

        var position = items.FindIndex(i => string.IsNullOrWhiteSpace(i.LinkId));
        if (position >= 0)
        {
            throw new InvalidInstrumentFileException($"Item {position + 1} has no linkId.");
        }

        var duplicate = items.GroupBy(i => i.LinkId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInstrumentFileException($"The linkId \"{duplicate.Key}\" is used by {duplicate.Count()} items; each item needs its own.");
        }

        try
        {
            var answers = items.Select(i => (Item: i, Options: AnswersOf(i))).ToList();
            var first = answers[0];
            var surveyItems = answers.Select(a => new SurveyItem(a.Item.LinkId!, TextOf(a.Item), IsReversed(a, first))).ToList();
            var survey = new Survey(
                key,
                VersionOf(questionnaire),
                MeasureOf(questionnaire, key, known),
                string.IsNullOrWhiteSpace(questionnaire.Title) ? throw new InvalidInstrumentFileException("The Questionnaire has no title.") : questionnaire.Title,
                questionnaire.Description ?? string.Empty,
                surveyItems,
                first.Options,
                ScoringRule.Parse(questionnaire.GetStringExtension(ScoringExtension) ?? "sum"),
                [],
                [],
                LicenceOf(questionnaire),
                questionnaire.GetBoolExtension(ValidatedExtension) ?? false,
                validityNote: null);
            return new CatalogueEntry(survey, questionnaire.GetBoolExtension(CurrentExtension) ?? false, $"Questionnaire {key} version {survey.Version}");
        }
        catch (DomainException e) when (e is not InvalidInstrumentFileException)
        {
            throw new InvalidInstrumentFileException($"The Questionnaire cannot be an instrument: {e.Message}");
        }
    }

    /// <summary>The last segment of the canonical url: ".../Questionnaire/who-5" and "urn:wellbeing-hubs:questionnaire:who-5" are both "who-5".</summary>
    private static string KeyOf(Questionnaire questionnaire)
    {
        var url = questionnaire.Url?.Split('|')[0];
        var key = url?[(url.LastIndexOfAny(['/', ':']) + 1)..];
        return string.IsNullOrEmpty(key) || key.Length > ImportedInstrument.MaxKeyLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? throw new InvalidInstrumentFileException(
                $"The Questionnaire's url must end in the instrument's key (letters, digits, '-', '_' or '.', up to {ImportedInstrument.MaxKeyLength} characters), e.g. https://example.org/Questionnaire/who-5.")
            : key.ToLowerInvariant();
    }

    private static int VersionOf(Questionnaire questionnaire) =>
        int.TryParse(questionnaire.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? version
            : throw new InvalidInstrumentFileException($"The Questionnaire's version must be a whole number from 1; it is \"{questionnaire.Version}\".");

    private static Measure MeasureOf(Questionnaire questionnaire, string key, IReadOnlyList<Survey> known)
    {
        var code = questionnaire.Code.FirstOrDefault(c => c.System == MeasureSystem)?.Code;
        return code switch
        {
            "wellbeing" => Measure.Wellbeing,
            "alliance" => Measure.Alliance,
            null => known.FirstOrDefault(s => s.Key == key)?.Measure
                ?? throw new InvalidInstrumentFileException(
                    $"Say which measure the Questionnaire is for: add a code {{ \"system\": \"{MeasureSystem}\", \"code\": \"wellbeing\" }} (or \"alliance\")."),
            _ => throw new InvalidInstrumentFileException($"Unknown measure \"{code}\" in the {MeasureSystem} code: use \"wellbeing\" or \"alliance\"."),
        };
    }

    private static SurveyLicence LicenceOf(Questionnaire questionnaire) =>
        string.IsNullOrWhiteSpace(questionnaire.Copyright)
            ? throw new InvalidInstrumentFileException("The Questionnaire has no copyright statement: say under which licence the instrument may be used.")
            : new SurveyLicence(
                questionnaire.Copyright,
                questionnaire.Publisher ?? questionnaire.Copyright,
                Url: null,
                questionnaire.GetStringExtension(CommercialUseExtension));

    /// <exception cref="DomainException">Two of the item's answers share a label or an ordinal value (<see cref="AnswerOption.EnsureDistinct"/>).</exception>
    private static IReadOnlyList<AnswerOption> AnswersOf(Questionnaire.ItemComponent item)
    {
        if (item.Type != Questionnaire.QuestionnaireItemType.Choice)
        {
            var type = item.Type?.GetLiteral() ?? "none";
            throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\" is of type \"{type}\"; only \"choice\" items with ordinal values are supported.");
        }

        if (item.AnswerOption.Count == 0)
        {
            throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\" lists no answer options (an answerValueSet is not supported).");
        }

        var options = item.AnswerOption.Select(option =>
        {
            var coding = option.Value as Coding
                ?? throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\" has an answer option that is not a Coding.");
            var label = coding.Display ?? coding.Code
                ?? throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\" has an answer option with neither display nor code.");
            var ordinal = (option.GetExtensionValue<FhirDecimal>(OrdinalValue) ?? coding.GetExtensionValue<FhirDecimal>(OrdinalValue))?.Value
                ?? throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\", answer \"{label}\": the ordinal value is missing ({OrdinalValue}).");
            return decimal.IsInteger(ordinal)
                ? new AnswerOption((int)ordinal, label)
                : throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\", answer \"{label}\": the ordinal value {ordinal.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
        }).ToList();

        // Each item on its own, before the items are compared by label (IsReversed).
        AnswerOption.EnsureDistinct(options, $"Item \"{item.LinkId}\"");
        return options;
    }

    private static string TextOf(Questionnaire.ItemComponent item) =>
        string.IsNullOrWhiteSpace(item.Text) ? throw new InvalidInstrumentFileException($"Item \"{item.LinkId}\" has no text.") : item.Text;

    /// <summary>
    /// Every item offers the first item's answers: with the same ordinal values, or with them turned round (a reversed
    /// item, scored as lowest + highest - value like a reversed item in our format).
    /// </summary>
    private static bool IsReversed((Questionnaire.ItemComponent Item, IReadOnlyList<AnswerOption> Options) item, (Questionnaire.ItemComponent Item, IReadOnlyList<AnswerOption> Options) first)
    {
        var reference = first.Options.ToDictionary(o => o.Label, o => o.Value);
        var ends = reference.Values.Min() + reference.Values.Max();
        var labels = item.Options.Select(o => o.Label).ToHashSet();
        if (item.Options.Count == reference.Count && labels.SetEquals(reference.Keys))
        {
            if (item.Options.All(o => reference[o.Label] == o.Value))
            {
                return false;
            }

            if (item.Options.All(o => reference[o.Label] == ends - o.Value))
            {
                return true;
            }
        }

        throw new InvalidInstrumentFileException(
            $"Item \"{item.Item.LinkId}\" offers other answers than item \"{first.Item.LinkId}\"; every item must offer the same answers (ordinal values the same or turned round).");
    }
}
