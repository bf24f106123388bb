using Microsoft.AspNetCore.Diagnostics;

namespace Wellbeing.Web.Errors;

/// <summary>
/// Writes one Information line for each request the app refuses (any 4xx: not found, not signed in, not allowed, a
/// broken rule, too many requests): the method, the route template and the status. Refusals are expected, so they are
/// neither Errors nor carry a stack trace, and the template (never the path, query or user) keeps ids, names and
/// e-mail addresses out of the log. Faults (5xx) are left to the exception handler, which logs them as Errors.
/// Runs after routing, where the endpoint is still known, and sees a refusal that is an exception before the
/// exception handler turns it into a status.
/// </summary>
public sealed partial class RefusalLogging(RequestDelegate next, ILogger<RefusalLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The friendly error page re-runs the pipeline for a refusal that was already logged on its way out.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsRefusal(ApplicationExceptionHandler.StatusFor(exception)))
        {
            Refused(context, ApplicationExceptionHandler.StatusFor(exception));
            throw;
        }

        if (IsRefusal(context.Response.StatusCode))
        {
            Refused(context, context.Response.StatusCode);
        }
    }

    private static bool IsRefusal(int status) => status is >= 400 and < 500;

    private void Refused(HttpContext context, int status) =>
        LogRefused(logger, context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", status);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Refused {Method} {Route} with {Status}")]
    private static partial void LogRefused(ILogger logger, string method, string route, int status);
}
