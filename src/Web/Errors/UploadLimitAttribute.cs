using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Wellbeing.Web.Models;

namespace Wellbeing.Web.Errors;

/// <summary>
/// Answers an upload whose declared length is over <paramref name="bytes"/> with the Refused page (413 and
/// <paramref name="message"/>) before anything reads its body. Without it the antiforgery check, which reads the form
/// first, would meet Kestrel's limit and answer a bare 400 or 413. Runs before the antiforgery filter (order 1000); a
/// body sent without a length is still cut off by [RequestSizeLimit] beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UploadLimitAttribute(long bytes, string message) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 0;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength is not { } length || length <= bytes)
        {
            return;
        }

        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        context.Result = new ViewResult
        {
            ViewName = "Refused",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<RefusalView>(metadata, new ModelStateDictionary()) { Model = new RefusalView("The file was not imported", message) },
        };
    }
}
