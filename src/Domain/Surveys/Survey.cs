using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Surveys;

/// <summary>
/// A versioned instrument definition, loaded from data files. A submission keeps the key and version it answered,
/// so a later version never changes the meaning of earlier answers.
/// </summary>
public sealed class Survey
{
    public Survey(
        string key,
        int version,
        Measure measure,
        string title,
        string instructions,
        IReadOnlyList<SurveyItem> items,
        IReadOnlyList<AnswerOption> options,
        ScoringRule scoring,
        IReadOnlyList<Subscale> subscales,
        IReadOnlyList<InterpretationBand> bands,
        SurveyLicence licence,
        bool isValidated,
        string? validityNote)
    {
        if (string.IsNullOrWhiteSpace(key) || version < 1)
        {
            throw new DomainException("An instrument needs a key and a version from 1.");
        }

        if (items.Count == 0 || options.Count < 2)
        {
            throw new DomainException($"Instrument {key} needs items and at least two answer options.");
        }

        AnswerOption.EnsureDistinct(options, $"Instrument {key}");

        if (items.Select(i => i.Id).Distinct().Count() != items.Count)
        {
            throw new DomainException($"Instrument {key} has two items with the same id.");
        }

        var itemIds = items.Select(i => i.Id).ToHashSet();
        if (subscales.SelectMany(s => s.ItemIds).Any(id => !itemIds.Contains(id)))
        {
            throw new DomainException($"A subscale of {key} names an item that does not exist.");
        }

        Key = key;
        Version = version;
        Measure = measure;
        Title = title;
        Instructions = instructions;
        Items = items;
        Options = options.OrderByDescending(o => o.Value).ToList();
        Scoring = scoring;
        Subscales = subscales;
        Bands = bands;
        Licence = licence;
        IsValidated = isValidated;
        ValidityNote = validityNote;
    }

    public string Key { get; }
    public int Version { get; }
    public Measure Measure { get; }
    public string Title { get; }
    public string Instructions { get; }
    public IReadOnlyList<SurveyItem> Items { get; }

    /// <summary>The same options for every item, highest value first as respondents read them.</summary>
    public IReadOnlyList<AnswerOption> Options { get; }

    public ScoringRule Scoring { get; }
    public IReadOnlyList<Subscale> Subscales { get; }
    public IReadOnlyList<InterpretationBand> Bands { get; }
    public SurveyLicence Licence { get; }

    /// <summary>False for our own items: the product must never present them as a validated instrument.</summary>
    public bool IsValidated { get; }

    public string? ValidityNote { get; }

    public int MinimumValue => Options.Min(o => o.Value);
    public int MaximumValue => Options.Max(o => o.Value);

    /// <summary>The message for an answer to a question this form does not have; it names no question.</summary>
    public const string UnknownQuestionMessage = "This form was changed before it was sent: it holds an answer to a question it does not ask. Open the form again.";

    /// <summary>Every problem with a set of answers, one per item, worded for the person filling the form in.</summary>
    public IReadOnlyList<AnswerError> Validate(IReadOnlyDictionary<string, int?> answers)
    {
        var errors = new List<AnswerError>();
        foreach (var item in Items)
        {
            if (!answers.TryGetValue(item.Id, out var value) || value is null)
            {
                errors.Add(new AnswerError(item.Id, $"Please answer \"{item.Text}\"."));
            }
            else if (Options.All(o => o.Value != value))
            {
                errors.Add(new AnswerError(item.Id, $"\"{value}\" is not one of the answers to \"{item.Text}\"."));
            }
        }

        // Whatever a tampered form calls an unknown answer is never repeated back: only real questions are named.
        errors.AddRange(answers.Keys
            .Where(id => Items.All(i => i.Id != id))
            .Select(id => new AnswerError(id, UnknownQuestionMessage)));
        return errors;
    }

    /// <summary>
    /// Refuses a posted form that showed another instrument or version than this one, the measure's current one: a
    /// submission is only scored against the questions that were asked, so a form drawn before a new version was loaded
    /// has to be opened again. The form names what it showed in its hidden key and version fields.
    /// </summary>
    /// <exception cref="DomainException">The form's key or version is not this survey's.</exception>
    public void EnsureIsTheFormOf(string? formKey, int formVersion)
    {
        if (formKey != Key || formVersion != Version)
        {
            var instrument = Measure == Measure.Wellbeing ? "Wellbeing Index" : "alliance survey";
            throw new DomainException($"This form does not match the current {instrument}. Please open the form again and fill it in.");
        }
    }

    /// <summary>Scores a complete set of answers; an incomplete form has no score.</summary>
    public SurveyScore Score(IReadOnlyDictionary<string, int?> answers)
    {
        var errors = Validate(answers);
        if (errors.Count > 0)
        {
            throw new InvalidAnswersException(errors);
        }

        var scored = Items.ToDictionary(i => i.Id, i => ScoredValue(i, answers[i.Id]!.Value));
        var subscales = Subscales.ToDictionary(
            s => s.Key,
            s => Math.Round(s.ItemIds.Average(id => (decimal)scored[id]), 2));
        var (raw, total) = Scoring.Apply(scored.Values.ToList());
        return new SurveyScore(raw, total, subscales);
    }

    /// <summary>
    /// Whether another definition says exactly what this one says: same key, version, measure, wording, answers,
    /// scoring, subscales, bands, licence and validity. Two such definitions score and interpret every answer alike.
    /// </summary>
    public bool HasSameContentAs(Survey other) =>
        (Key, Version, Measure, Title, Instructions, Scoring, Licence, IsValidated, ValidityNote)
            == (other.Key, other.Version, other.Measure, other.Title, other.Instructions, other.Scoring, other.Licence, other.IsValidated, other.ValidityNote)
        && Items.SequenceEqual(other.Items)
        && Options.SequenceEqual(other.Options)
        && Bands.SequenceEqual(other.Bands)
        // Subscale records hold a list, which a record compares by reference.
        && Subscales.Count == other.Subscales.Count
        && Subscales.Zip(other.Subscales).All(p => (p.First.Key, p.First.Title) == (p.Second.Key, p.Second.Title) && p.First.ItemIds.SequenceEqual(p.Second.ItemIds));

    /// <summary>
    /// Whether a hub may put this instrument in front of its clients: always, unless its licence requires the copyright
    /// holder's permission for commercial use (the WHO-5, per WHO's CC BY-NC-SA 3.0 IGO licence), in which case only
    /// once an administrator has recorded that permission for that hub.
    /// </summary>
    /// <param name="licencesOfHub">The licence records of the hub in question (records of other hubs are ignored).</param>
    public bool MayBeUsedIn(Guid hubId, IEnumerable<InstrumentLicence> licencesOfHub) =>
        !Licence.NeedsPermission || licencesOfHub.Any(l => l.HubId == hubId && l.SurveyKey == Key);

    /// <exception cref="LicenceMissingException">The hub may not use this instrument yet (see <see cref="MayBeUsedIn"/>).</exception>
    public void EnsureMayBeUsedIn(Guid hubId, IEnumerable<InstrumentLicence> licencesOfHub)
    {
        if (!MayBeUsedIn(hubId, licencesOfHub))
        {
            throw new LicenceMissingException(this);
        }
    }

    private int ScoredValue(SurveyItem item, int value) =>
        item.Reversed ? MinimumValue + MaximumValue - value : value;
}

public sealed record SurveyItem(string Id, string Text, bool Reversed = false);

/// <summary>One answer a respondent can choose: the value that is scored and the label they read.</summary>
public sealed record AnswerOption(int Value, string Label)
{
    /// <summary>
    /// Refuses answers of which two share a value or a label: a form posts only the value, so it must name one answer,
    /// and one label must mean one value, or two people who chose the same words would be scored apart.
    /// </summary>
    /// <param name="owner">What offers the answers, as a message names it (<c>Instrument who-5</c>, <c>Item "3"</c>).</param>
    /// <exception cref="DomainException">Two answers share a value or a label (labels compared ordinally).</exception>
    public static void EnsureDistinct(IEnumerable<AnswerOption> options, string owner)
    {
        var list = options.ToList();
        if (list.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1) is { } sameValue)
        {
            throw new DomainException($"{owner} offers two answers with the value {sameValue.Key}.");
        }

        if (list.GroupBy(o => o.Label, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } sameLabel)
        {
            throw new DomainException($"{owner} offers the answer \"{sameLabel.Key}\" twice.");
        }
    }
}

public sealed record Subscale(string Key, string Title, IReadOnlyList<string> ItemIds);

public sealed record InterpretationBand(string Label, decimal From, decimal To, string Meaning);

/// <summary>Licence facts an operator must see before going live.</summary>
/// <param name="CommercialUseNote">Set when commercial use needs the copyright holder's permission.</param>
public sealed record SurveyLicence(string Name, string Attribution, string? Url, string? CommercialUseNote)
{
    /// <summary>A hub may use the instrument only once its permission is recorded (<see cref="InstrumentLicence"/>).</summary>
    public bool NeedsPermission => CommercialUseNote is not null;
}

public sealed record AnswerError(string ItemId, string Message);

public sealed class InvalidAnswersException(IReadOnlyList<AnswerError> errors)
    : DomainException("Some answers are missing or not valid: " + string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<AnswerError> Errors { get; } = errors;
}

/// <summary>A hub's clients asked for an instrument whose commercial-use permission is not recorded for their hub.</summary>
public sealed class LicenceMissingException(Survey survey)
    : DomainException($"The {survey.Title} is not available in your programme yet: your employer's licence to use it has not been recorded. Nothing was saved; please ask your programme's contact.")
{
    public Survey Survey { get; } = survey;
}
