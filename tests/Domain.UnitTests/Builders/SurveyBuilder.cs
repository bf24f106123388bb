using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Domain.UnitTests.Builders;

/// <summary>A valid survey by default; each test changes only what it is about.</summary>
public sealed class SurveyBuilder
{
    private string _key = "test-survey";
    private int _version = 1;
    private Measure _measure = Measure.Wellbeing;
    private List<SurveyItem> _items = [new("q1", "First question"), new("q2", "Second question"), new("q3", "Third question")];
    private List<AnswerOption> _options = OptionsFrom(0, 5);
    private ScoringRule _scoring = ScoringRule.Sum;
    private readonly List<Subscale> _subscales = [];
    private bool _isValidated = true;
    private string _title = "Test survey";
    private string? _commercialUseNote;

    /// <summary>The shape of the WHO-5: five items answered 5..0, raw sum times 4.</summary>
    public static SurveyBuilder Who5Shaped() => new SurveyBuilder()
        .WithKey("who-5")
        .ForMeasure(Measure.Wellbeing)
        .WithItems(
            new("1", "Cheerful"),
            new("2", "Calm"),
            new("3", "Active"),
            new("4", "Rested"),
            new("5", "Interested"))
        .WithOptions(0, 5)
        .WithScoring(ScoringRule.SumTimes(4));

    /// <summary>The shape of our alliance survey: five 1-7 items, one reversed, mean with three subscales.</summary>
    public static SurveyBuilder AllianceShaped() => new SurveyBuilder()
        .WithKey("professional-alliance")
        .ForMeasure(Measure.Alliance)
        .WithItems(
            new("bond-1", "Understands me"),
            new("bond-2", "Respects me"),
            new("partnership-1", "Agree on goals"),
            new("partnership-2", "Pulling apart", Reversed: true),
            new("confidence-1", "Will help me"))
        .WithOptions(1, 7)
        .WithScoring(ScoringRule.Mean)
        .WithSubscale("bond", "bond-1", "bond-2")
        .WithSubscale("partnership", "partnership-1", "partnership-2")
        .WithSubscale("confidence", "confidence-1")
        .Unvalidated();

    public SurveyBuilder WithKey(string key)
    {
        _key = key;
        return this;
    }

    public SurveyBuilder WithVersion(int version)
    {
        _version = version;
        return this;
    }

    public SurveyBuilder ForMeasure(Measure measure)
    {
        _measure = measure;
        return this;
    }

    public SurveyBuilder WithItems(params SurveyItem[] items)
    {
        _items = [.. items];
        return this;
    }

    public SurveyBuilder WithOptions(params AnswerOption[] options)
    {
        _options = [.. options];
        return this;
    }

    public SurveyBuilder WithOptions(int lowest, int highest)
    {
        _options = OptionsFrom(lowest, highest);
        return this;
    }

    public SurveyBuilder WithScoring(ScoringRule scoring)
    {
        _scoring = scoring;
        return this;
    }

    public SurveyBuilder WithSubscale(string key, params string[] itemIds)
    {
        _subscales.Add(new Subscale(key, key, itemIds));
        return this;
    }

    public SurveyBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public SurveyBuilder Validated()
    {
        _isValidated = true;
        return this;
    }

    public SurveyBuilder Unvalidated()
    {
        _isValidated = false;
        return this;
    }

    /// <summary>Commercial use needs the copyright holder's permission, as the WHO-5's licence says.</summary>
    public SurveyBuilder NeedingPermission()
    {
        _commercialUseNote = "Commercial use needs permission.";
        return this;
    }

    public Survey Build() => new(
        _key,
        _version,
        _measure,
        _title,
        "Answer every question.",
        _items,
        _options,
        _scoring,
        _subscales,
        [],
        new SurveyLicence("Test licence", "Written for tests.", null, _commercialUseNote),
        _isValidated,
        _isValidated ? null : "Unvalidated test content.");

    private static List<AnswerOption> OptionsFrom(int lowest, int highest) =>
        Enumerable.Range(lowest, highest - lowest + 1).Select(v => new AnswerOption(v, $"Option {v}")).ToList();
}
