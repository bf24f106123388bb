namespace Wellbeing.Domain.Surveys;

/// <summary>A computed score: raw (e.g. WHO-5 0-25), total as reported (e.g. 0-100), and subscale means.</summary>
public sealed record SurveyScore(decimal Raw, decimal Total, IReadOnlyDictionary<string, decimal> Subscales);
