namespace Wellbeing.Web.Security;

/// <summary>
/// Outside Development and the tests every page carries an antiforgery token and sets Secure cookies, which ASP.NET
/// Core refuses to issue over plain http: a page asked for over http threw, and so did the error page drawn for it, so
/// the browser got an empty 500. A request that reaches this point over plain http (UseHttpsRedirection found no HTTPS
/// port to send it to: the node listens on http only, typically behind a TLS-terminating proxy whose
/// <c>X-Forwarded-Proto</c> the app was not told to believe) is refused with a 400 problem that says so instead.
/// <see cref="HealthPath"/> stays reachable over http: load balancers probe nodes directly, and it is about no one.
/// </summary>
public static class HttpsOnly
{
    public const string HealthPath = "/healthz";

    /// <summary>Refuses every plain-http request but the health check, as described on the class.</summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments(HealthPath))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "This site is served over HTTPS only.",
                    Detail = "Open it with https://. Behind a TLS-terminating proxy, name the proxy in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks so that its X-Forwarded-Proto is believed.",
                },
            });
        });
}
