using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Commands.SubmitAlliance;
using Wellbeing.Application.Clients.Queries.GetAllianceForm;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Models;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The alliance survey about one ended session of the signed-in client; its invitation can be used once.</summary>
[Authorize(Policy = Roles.Client)]
[Route("alliance/{sessionId:guid}")]
public sealed class AllianceController(GetAllianceFormHandler form, SubmitAllianceHandler submit) : Controller
{
    private const string RefusedTitle = "This survey cannot be filled in";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var model = await form.Handle(new GetAllianceFormQuery(User.Id(), sessionId), cancellationToken);
            return View("Form", (model, SurveyFormView.Blank(model.Survey, Action(sessionId), Hidden(model.Survey))));
        }
        catch (ConflictException answered)
        {
            return Refused(StatusCodes.Status409Conflict, answered.Message);
        }
        catch (DomainException closed)
        {
            return Refused(StatusCodes.Status400BadRequest, closed.Message);
        }
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
        try
        {
            if (!ModelState.IsValid)
            {
                return await RedrawAsync(sessionId, answers, survey => SurveyFormView.BindingErrors(survey, ModelState), cancellationToken);
            }

            return View("Thanks", await submit.Handle(new SubmitAllianceCommand(User.Id(), sessionId, surveyKey, surveyVersion, answers), cancellationToken));
        }
        catch (InvalidAnswersException invalid)
        {
            return await RedrawAsync(sessionId, answers, _ => invalid.Errors, cancellationToken);
        }
        catch (ConflictException answered)
        {
            return Refused(StatusCodes.Status409Conflict, answered.Message);
        }
        catch (DomainException refused)
        {
            return Refused(StatusCodes.Status400BadRequest, refused.Message);
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

    private ViewResult Refused(int status, string message)
    {
        Response.StatusCode = status;
        return View("Refused", new RefusalView(RefusedTitle, message));
    }
}
