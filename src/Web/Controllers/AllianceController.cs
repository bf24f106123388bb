using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Commands.SubmitAlliance;
using Wellbeing.Application.Clients.Queries.GetAllianceForm;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Models;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The alliance survey about one ended session of the signed-in client; its invitation can be used once.</summary>
[Authorize(Policy = Roles.Client)]
[Route("alliance/{sessionId:guid}")]
[RefusedPage("This survey cannot be filled in")]
public sealed class AllianceController(GetAllianceFormHandler form, SubmitAllianceHandler submit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid sessionId, CancellationToken cancellationToken)
    {
        var model = await form.Handle(new GetAllianceFormQuery(User.Id(), sessionId), cancellationToken);
        return View("Form", (model, SurveyFormView.Blank(model.Survey, Action(sessionId), Hidden(model.Survey))));
    }

    [HttpPost("")]
    public async Task<IActionResult> Submit(
        Guid sessionId,
        string? surveyKey,
        int surveyVersion,
        [Bind(Prefix = SurveyFormView.AnswersField)] Dictionary<string, int?>? answers,
        CancellationToken cancellationToken)
    {
        answers ??= [];
        if (!ModelState.IsValid)
        {
            return await RedrawAsync(sessionId, answers, survey => SurveyFormView.BindingErrors(survey, ModelState), cancellationToken);
        }

        try
        {
            return View("Thanks", await submit.Handle(new SubmitAllianceCommand(User.Id(), sessionId, surveyKey, surveyVersion, answers), cancellationToken));
        }
        catch (InvalidAnswersException invalid)
        {
            return await RedrawAsync(sessionId, answers, _ => invalid.Errors, cancellationToken);
        }
    }

    /// <summary>Redraws through the form query, which checks again that the invitation is still open.</summary>
    private async Task<ViewResult> RedrawAsync(Guid sessionId, Dictionary<string, int?> answers, Func<Survey, IReadOnlyList<AnswerError>> errors, CancellationToken cancellationToken)
    {
        var model = await form.Handle(new GetAllianceFormQuery(User.Id(), sessionId), cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", (model, new SurveyFormView(model.Survey, Action(sessionId), Hidden(model.Survey), answers, errors(model.Survey))));
    }

    private static string Action(Guid sessionId) => $"/alliance/{sessionId}";

    private static Dictionary<string, string> Hidden(Survey survey) => new()
    {
        ["surveyKey"] = survey.Key,
        ["surveyVersion"] = survey.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
