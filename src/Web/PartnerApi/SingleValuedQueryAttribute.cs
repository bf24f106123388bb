using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wellbeing.Domain.Common;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// Refuses a request that repeats one of the action's query parameters (<c>?department=A&amp;department=B</c>) with a
/// 400 problem naming the parameter: model binding would otherwise keep the first value and drop the others, and
/// two values of a filter would let overlapping groups be compared. Query keys the action does not read are ignored,
/// and never echoed.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SingleValuedQueryAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        var repeated = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
            .FirstOrDefault(name => query[name].Count > 1);
        if (repeated is not null)
        {
            throw new DomainException($"Give {repeated} at most once.");
        }
    }
}
