using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Commands.SubmitWellbeing;
using Wellbeing.Application.Clients.Queries.GetWellbeingForm;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Models;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The WHO-5 form; the result is shown in answer to the post, and posting the same form again shows it again.</summary>
[Authorize(Policy = Roles.Client)]
[Route("wellbeing")]
public sealed class WellbeingController(GetWellbeingFormHandler form, SubmitWellbeingHandler submit, ISurveyCatalogue catalogue) : Controller
{
    private const string Action = "/wellbeing";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = await form.Handle(new GetWellbeingFormQuery(User.Id()), cancellationToken);
        return View("Form", SurveyFormView.Blank(model.Survey, Action, Hidden(model.SubmissionId, model.Survey)));
    }

    [HttpPost("")]
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
            var survey = catalogue.Current(Measure.Wellbeing);
            return Redraw(survey, submissionId, answers, SurveyFormView.BindingErrors(survey, ModelState));
        }

        try
        {
            var result = await submit.Handle(new SubmitWellbeingCommand(User.Id(), submissionId, surveyKey, surveyVersion, answers), cancellationToken);
            return View("Result", result);
        }
        catch (InvalidAnswersException invalid)
        {
            return Redraw(catalogue.Current(Measure.Wellbeing), submissionId, answers, invalid.Errors);
        }
        catch (DomainException refused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Refused", new RefusalView("Your answers could not be saved", refused.Message));
        }
    }

    private ViewResult Redraw(Survey survey, Guid submissionId, Dictionary<string, int?> answers, IReadOnlyList<AnswerError> errors)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", new SurveyFormView(survey, Action, Hidden(submissionId, survey), answers, errors));
    }

    private static Dictionary<string, string> Hidden(Guid submissionId, Survey survey) => new()
    {
        ["submissionId"] = submissionId.ToString(),
        ["surveyKey"] = survey.Key,
        ["surveyVersion"] = survey.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
