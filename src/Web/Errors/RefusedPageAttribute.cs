using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Common;
using Wellbeing.Web.Models;

namespace Wellbeing.Web.Errors;

/// <summary>
/// Shows a refusal thrown by the use case behind a page (a broken domain rule, or a conflict with what was saved) as
/// the Refused page: <paramref name="title"/> over the rule's own message, with the status the exception map gives it
/// (400 for a <see cref="DomainException"/>, 409 for a <see cref="ConflictException"/>). Put on an action (or a
/// controller) whose refusal is a dead end for the person; an action that must redraw a form with what was typed
/// catches that refusal itself, before this filter sees it. Anything else (not found, a fault) goes on to the
/// exception middleware.
/// </summary>
/// <param name="title">The page's heading, saying what did not happen (e.g. "Sharing was not changed").</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class RefusedPageAttribute(string title) : ExceptionFilterAttribute
{
    public string Title { get; } = title;

    public override void OnException(ExceptionContext context)
    {
        if (context.ExceptionHandled || context.Exception is not (DomainException or ConflictException))
        {
            return;
        }

        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        context.Result = new ViewResult
        {
            ViewName = "Refused",
            StatusCode = ApplicationExceptionHandler.StatusFor(context.Exception),
            ViewData = new ViewDataDictionary<RefusalView>(metadata, context.ModelState) { Model = new RefusalView(Title, context.Exception.Message) },
        };
        context.ExceptionHandled = true;
    }
}
