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
    public const string NoItems = "no-items.questionnaire.json";
    public const string UnsupportedType = "unsupported-type.questionnaire.json";
    public const string WithoutPermissionNote = "without-permission-note.questionnaire.json";
    public const string NoMeasure = "no-measure.questionnaire.json";
    public const string Who5Version1Reworded = "who-5.v1-reworded.json";
    public const string NotUtf8 = "not-utf8.json";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "InstrumentFiles", name));
}
