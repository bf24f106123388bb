using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Common;

namespace Wellbeing.Web.Errors;

/// <summary>
/// Maps the application's exceptions to status codes: RFC 9457 problem details for machines here, and for people the
/// friendly error page that the exception middleware re-executes. Input that breaks a domain rule is a 400, never a 500.
/// </summary>
public sealed class ApplicationExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public static int StatusFor(Exception exception) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        DomainException => StatusCodes.Status400BadRequest,
        ConflictException => StatusCodes.Status409Conflict,

        // A request over the server's limits (form field count or value length, body size) is the caller's mistake.
        BadHttpRequestException badRequest => badRequest.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WantsProblemDetails(httpContext))
        {
            return false;
        }

        var status = StatusFor(exception);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status404NotFound => "Not found",
                    StatusCodes.Status400BadRequest => "The request breaks a rule",
                    _ => "Something went wrong",
                },

                // Only domain messages are written for the caller; anything else could leak internals.
                Detail = exception is DomainException ? exception.Message : null,
            },
        });
    }

    /// <summary>The API always; pages only for a caller that asks for JSON. People get the friendly error page.</summary>
    public static bool WantsProblemDetails(HttpContext context) =>
        OriginalPath(context).StartsWithSegments("/api")
        || context.Request.Headers.Accept.Any(a => a?.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase) == true
            || a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>While an exception is handled the request already points at the error page; the feature keeps where it went.</summary>
    private static PathString OriginalPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : context.Request.Path;
}
