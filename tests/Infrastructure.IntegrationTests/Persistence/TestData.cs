using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>Small valid domain objects; each test makes its own hub so tests sharing a database never see each other.</summary>
internal static class TestData
{
    /// <summary>Whole seconds with a non-UTC offset: the database must store the instant in UTC and give back the same instant.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(2));

    public static Hub Hub() => new("Acme Wellbeing", "Acme", "acme-" + Guid.NewGuid().ToString("N")[..8], "Europe/Amsterdam", Start);

    public static Member Member(Hub hub, string name = "Ada Lovelace", string? externalId = null) =>
        new(hub.Id, name, $"{Guid.NewGuid():N}@example.org", Start, "Engineering", externalId);

    public static Professional Professional() => new("Dr Grace Hopper", $"{Guid.NewGuid():N}@example.org", "Psychologist");

    /// <summary>Three items on 0-5, one reversed, two subscales, scored sum x 4 like a short wellbeing index.</summary>
    /// <param name="commercialUseNote">Set to make commercial use need permission, as the WHO-5's licence does.</param>
    public static Survey WellbeingSurvey(string? commercialUseNote = null) => new(
        key: "test-wellbeing",
        version: 1,
        measure: Measure.Wellbeing,
        title: "Test wellbeing",
        instructions: "Over the last two weeks...",
        items: [new SurveyItem("q1", "Cheerful"), new SurveyItem("q2", "Calm"), new SurveyItem("q3", "Tired", Reversed: true)],
        options: Enumerable.Range(0, 6).Select(v => new AnswerOption(v, $"Option {v}")).ToList(),
        scoring: ScoringRule.SumTimes(4),
        subscales: [new Subscale("mood", "Mood", ["q1", "q2"]), new Subscale("energy", "Energy", ["q3"])],
        bands: [],
        licence: new SurveyLicence("Test", "Written for these tests", null, commercialUseNote),
        isValidated: false,
        validityNote: "Test instrument");

    /// <summary>Two items on 1-7, scored as their mean like the alliance survey.</summary>
    public static Survey AllianceSurvey() => new(
        key: "test-alliance",
        version: 1,
        measure: Measure.Alliance,
        title: "Test alliance",
        instructions: "About today's session...",
        items: [new SurveyItem("a1", "Understood"), new SurveyItem("a2", "Agreed on goals")],
        options: Enumerable.Range(1, 7).Select(v => new AnswerOption(v, $"Option {v}")).ToList(),
        scoring: ScoringRule.Mean,
        subscales: [],
        bands: [],
        licence: new SurveyLicence("Test", "Written for these tests", null, null),
        isValidated: false,
        validityNote: "Test instrument");

    /// <summary>Shared-score rows as comparable text, in one order whatever order they were read in.</summary>
    public static List<string> Describe(IEnumerable<SharedScore> rows) =>
        [.. rows.Select(r => $"{r.MemberId} {r.ProfessionalId} {r.Measure} {r.Latest} {r.Previous}").Order(StringComparer.Ordinal)];

    public static Dictionary<string, int?> Answers(int q1, int q2, int q3) => new() { ["q1"] = q1, ["q2"] = q2, ["q3"] = q3 };
}
