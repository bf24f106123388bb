namespace Wellbeing.Application.FunctionalTests.Support;

/// <summary>Answers keyed by the item ids of the shipped instruments in instruments/.</summary>
public static class Answers
{
    public const string Who5Key = "who-5";
    public const string AllianceKey = "professional-alliance";

    /// <summary>WHO-5 items "1" to "5", each 0-5.</summary>
    public static Dictionary<string, int?> Who5(params int?[] values) =>
        values.Select((v, i) => ((i + 1).ToString(), v)).ToDictionary(p => p.Item1, p => p.v);

    /// <summary>The five alliance items in the file's order, each 1-7; the fourth is reversed.</summary>
    public static Dictionary<string, int?> Alliance(int bondUnderstood, int bondRespected, int goals, int apart, int helps) => new()
    {
        ["bond-understood"] = bondUnderstood,
        ["bond-respected"] = bondRespected,
        ["partnership-goals"] = goals,
        ["partnership-apart"] = apart,
        ["confidence-helps"] = helps,
    };
}
