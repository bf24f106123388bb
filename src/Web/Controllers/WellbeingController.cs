using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Commands.SubmitWellbeing;
using Wellbeing.Application.Clients.Queries.GetWellbeingForm;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Models;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// The WHO-5 form; the result is shown in answer to the post, and posting the same form again shows it again. Until the
/// hub's licence for the instrument is recorded, a notice replaces the form and a post is refused.
/// </summary>
[Authorize(Policy = Roles.Client)]
[Route("wellbeing")]
public sealed class WellbeingController(GetWellbeingFormHandler form, SubmitWellbeingHandler submit) : Controller
{
    private const string Action = "/wellbeing";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = await form.Handle(new GetWellbeingFormQuery(User.Id()), cancellationToken);
        if (!model.MayBeUsed)
        {
            return View("Unavailable", model.Survey);
        }

        return View("Form", SurveyFormView.Blank(model.Survey, Action, Hidden(model.SubmissionId, model.Survey)));
    }

    [HttpPost("")]
    [RefusedPage("Your answers could not be saved")]
    public async Task<IActionResult> Submit(
        Guid submissionId,
        string? surveyKey,
        int surveyVersion,
        [Bind(Prefix = SurveyFormView.AnswersField)] Dictionary<string, int?>? answers,
        CancellationToken cancellationToken)
    {
        answers ??= [];
        if (!ModelState.IsValid)
        {
            return await RedrawAsync(submissionId, answers, survey => SurveyFormView.BindingErrors(survey, ModelState), cancellationToken);
        }

        try
        {
            var result = await submit.Handle(new SubmitWellbeingCommand(User.Id(), submissionId, surveyKey, surveyVersion, answers), cancellationToken);
            return View("Result", result);
        }
        catch (InvalidAnswersException invalid)
        {
            return await RedrawAsync(submissionId, answers, _ => invalid.Errors, cancellationToken);
        }
    }

    /// <summary>
    /// Redraws through the form query, with the posted submission id kept (the query's fresh one is not used), so that
    /// the corrected form sent again still saves one submission.
    /// </summary>
    private async Task<ViewResult> RedrawAsync(Guid submissionId, Dictionary<string, int?> answers, Func<Survey, IReadOnlyList<AnswerError>> errors, CancellationToken cancellationToken)
    {
        var survey = (await form.Handle(new GetWellbeingFormQuery(User.Id()), cancellationToken)).Survey;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", new SurveyFormView(survey, Action, Hidden(submissionId, survey), answers, errors(survey)));
    }

    private static Dictionary<string, string> Hidden(Guid submissionId, Survey survey) => new()
    {
        ["submissionId"] = submissionId.ToString(),
        ["surveyKey"] = survey.Key,
        ["surveyVersion"] = survey.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
