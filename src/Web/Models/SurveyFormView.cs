using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>
    /// What model binding refused (an answer sent twice, an unreadable value), worded for the client: a message next to
    /// each real question concerned, and for anything else one message about the form, naming no internal field.
    /// </summary>
    public static IReadOnlyList<AnswerError> BindingErrors(Survey survey, ModelStateDictionary modelState)
    {
        var errors = survey.Items
            .Where(item => modelState[$"{AnswersField}[{item.Id}]"]?.Errors.Count > 0)
            .Select(item => new AnswerError(item.Id, $"Please choose one answer to \"{item.Text}\"."))
            .ToList();
        var formMessage = modelState[string.Empty]?.Errors.FirstOrDefault()?.ErrorMessage;
        if (formMessage is not null || errors.Count == 0)
        {
            errors.Insert(0, new AnswerError(string.Empty, formMessage ?? "This form is incomplete. Please open the form again and fill it in."));
        }

        return errors;
    }

    public string? ErrorFor(string itemId) => Errors.FirstOrDefault(e => e.ItemId == itemId)?.Message;

    public bool IsSelected(string itemId, int value) => Selected.TryGetValue(itemId, out var chosen) && chosen == value;
}

/// <summary>A refusal the client can act on, shown with its status code.</summary>
public sealed record RefusalView(string Title, string Message);
