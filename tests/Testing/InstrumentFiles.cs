using Xunit;

namespace Wellbeing.Testing;

/// <summary>
/// The instrument definition files kept in tests/Testing/InstrumentFiles: a real WHO-5 as a FHIR R4 Questionnaire
/// (version 2), a second version of our alliance survey, and one bad file per refusal.
/// </summary>
public static class InstrumentFiles
{
    public const string Who5Questionnaire = "who-5.v2.questionnaire.json";
    public const string AllianceVersion2 = "professional-alliance.v2.json";
    public const string MissingOrdinal = "missing-ordinal.questionnaire.json";
    public const string DuplicateLinkId = "duplicate-linkid.questionnaire.json";
    public const string DuplicateAnswer = "duplicate-answer.questionnaire.json";
    public const string NoItems = "no-items.questionnaire.json";
    public const string UnsupportedType = "unsupported-type.questionnaire.json";
    public const string WithoutPermissionNote = "without-permission-note.questionnaire.json";
    public const string NoMeasure = "no-measure.questionnaire.json";
    public const string Who5Version1Reworded = "who-5.v1-reworded.json";
    public const string NotUtf8 = "not-utf8.json";

    /// <summary>Each file that breaks a rule of its format, with what its refusal says: the reader's and the page's.</summary>
    public static TheoryData<string, string> FormatRefusals { get; } = new()
    {
        { MissingOrdinal, "Item \"3\", answer \"Some of the time\": the ordinal value is missing (http://hl7.org/fhir/StructureDefinition/ordinalValue)." },
        { DuplicateLinkId, "The linkId \"2\" is used by 2 items; each item needs its own." },
        { DuplicateAnswer, "The Questionnaire cannot be an instrument: Item \"1\" offers the answer \"All of the time\" twice." },
        { NoItems, "The Questionnaire has no items." },
        { UnsupportedType, "Item \"6\" is of type \"string\"; only \"choice\" items with ordinal values are supported." },
        { NoMeasure, "Say which measure the Questionnaire is for" },
        { NotUtf8, "The uploaded file is not UTF-8 text: save it as UTF-8 and upload it again." },
    };

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "InstrumentFiles", name));
}
