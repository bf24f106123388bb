using Wellbeing.Domain.Surveys;

namespace Wellbeing.Web.Models;

/// <summary>
/// What the shared survey form needs: the instrument, where to post, the hidden fields that tie the post to what was
/// shown, and on a refused post the answers the client chose and the message per statement.
/// </summary>
public sealed record SurveyFormView(
    Survey Survey,
    string Action,
    IReadOnlyDictionary<string, string> Hidden,
    IReadOnlyDictionary<string, int?> Selected,
    IReadOnlyList<AnswerError> Errors)
{
    public const string AnswersField = "answers";

    public static SurveyFormView Blank(Survey survey, string action, IReadOnlyDictionary<string, string> hidden) =>
        new(survey, action, hidden, new Dictionary<string, int?>(), []);

    public string? ErrorFor(string itemId) => Errors.FirstOrDefault(e => e.ItemId == itemId)?.Message;

    public bool IsSelected(string itemId, int value) => Selected.TryGetValue(itemId, out var chosen) && chosen == value;
}

/// <summary>A refusal the client can act on, shown with its status code.</summary>
public sealed record RefusalView(string Title, string Message);
