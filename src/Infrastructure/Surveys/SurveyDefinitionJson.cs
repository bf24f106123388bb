namespace Wellbeing.Infrastructure.Surveys;

// The shape of instruments/*.json. Positional parameters without a default are required in the file.

internal sealed record SurveyDefinitionJson(
    string Key,
    int Version,
    string Measure,
    string Title,
    string Instructions,
    string Scoring,
    IReadOnlyList<AnswerOptionJson> Options,
    IReadOnlyList<SurveyItemJson> Items,
    IReadOnlyList<SubscaleJson> Subscales,
    IReadOnlyList<InterpretationBandJson> Bands,
    bool Validated,
    LicenceJson Licence,
    string? ValidityNote = null,
    // Prose for people reading the file; the numbers come from the scoring rule.
    string? ScoreRange = null,
    // Breaks the tie when two different instruments for one measure are loaded.
    bool Current = false);

internal sealed record AnswerOptionJson(int Value, string Label);

internal sealed record SurveyItemJson(string Id, string Text, bool Reversed = false);

internal sealed record SubscaleJson(string Key, string Title, IReadOnlyList<string> Items);

internal sealed record InterpretationBandJson(string Label, decimal From, decimal To, string Meaning);

internal sealed record LicenceJson(string Name, string Attribution, string? Url, string? CommercialUseNote);
