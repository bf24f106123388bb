using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Domain.Submissions;

/// <summary>
/// A completed questionnaire: the client's own answers, the instrument version they answered and the scores computed
/// then. Only ever created from the client's own complete answers.
/// </summary>
public sealed class Submission : IAggregateRoot
{
    private readonly List<SubmittedAnswer> _answers = [];
    private readonly List<SubscaleResult> _subscales = [];

    private Submission()
    {
        SurveyKey = string.Empty;
    }

    private Submission(Guid id, Guid hubId, Guid memberId, Survey survey, IReadOnlyDictionary<string, int?> answers, DateTimeOffset submittedAt, Guid? professionalId, Guid? careSessionId)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("A submission needs an id.");
        }

        var score = survey.Score(answers);
        Id = id;
        HubId = hubId;
        MemberId = memberId;
        SurveyKey = survey.Key;
        SurveyVersion = survey.Version;
        Measure = survey.Measure;
        SubmittedAt = submittedAt;
        ProfessionalId = professionalId;
        CareSessionId = careSessionId;
        RawScore = score.Raw;
        Score = score.Total;
        _answers.AddRange(survey.Items.Select(i => new SubmittedAnswer(i.Id, answers[i.Id]!.Value)));
        _subscales.AddRange(score.Subscales.Select(s => new SubscaleResult(s.Key, s.Value)));
    }

    /// <param name="id">
    /// Given when the form is rendered, so a repeated post of the same form (a double click, a resubmit after "back")
    /// names the submission that already exists instead of creating a second one.
    /// </param>
    public static Submission ForWellbeing(Guid hubId, Guid memberId, Survey survey, IReadOnlyDictionary<string, int?> answers, DateTimeOffset submittedAt, Guid? id = null)
    {
        if (survey.Measure != Measure.Wellbeing)
        {
            throw new DomainException($"{survey.Title} is not a wellbeing instrument.");
        }

        return new Submission(id ?? Guid.NewGuid(), hubId, memberId, survey, answers, submittedAt, null, null);
    }

    /// <summary>An alliance rating is always about one professional and one ended session.</summary>
    public static Submission ForAlliance(Guid hubId, Guid memberId, Survey survey, IReadOnlyDictionary<string, int?> answers, DateTimeOffset submittedAt, Guid professionalId, Guid careSessionId)
    {
        if (survey.Measure != Measure.Alliance)
        {
            throw new DomainException($"{survey.Title} is not an alliance instrument.");
        }

        return new Submission(Guid.NewGuid(), hubId, memberId, survey, answers, submittedAt, professionalId, careSessionId);
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public string SurveyKey { get; private set; }
    public int SurveyVersion { get; private set; }
    public Measure Measure { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid? ProfessionalId { get; private set; }
    public Guid? CareSessionId { get; private set; }
    public decimal RawScore { get; private set; }

    /// <summary>The reported score: WHO-5 0-100, alliance mean 1-7.</summary>
    public decimal Score { get; private set; }

    public IReadOnlyList<SubmittedAnswer> Answers => _answers;
    public IReadOnlyList<SubscaleResult> Subscales => _subscales;

    /// <summary>
    /// True when a form's answers (item id to value, as posted) are exactly the ones saved here: the same items, each
    /// with the same value. Tells a repeat of the same form (a double click, a resend) from a different answer.
    /// </summary>
    public bool HasAnswers(IReadOnlyDictionary<string, int?> answers) =>
        answers.Count == _answers.Count && _answers.All(a => answers.TryGetValue(a.ItemId, out var value) && value == a.Value);
}

public sealed record SubmittedAnswer(string ItemId, int Value);

public sealed record SubscaleResult(string Key, decimal Mean);
