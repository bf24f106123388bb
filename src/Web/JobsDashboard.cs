using Hangfire;
using Microsoft.Net.Http.Headers;
using Wellbeing.Domain.Accounts;

namespace Wellbeing.Web;

/// <summary>
/// Hangfire's dashboard at <see cref="Path"/>, for administrators only: the endpoint requires the Administrator policy,
/// so anyone else is refused like on every other administration page (anonymous to the sign-in page, other roles to the
/// 403 page). It runs under the site's Content-Security-Policy, not relaxed for it: Hangfire 1.8 serves its script and
/// styles as files of its own path and puts its settings in data- attributes. The policy refuses only two extras it does
/// not need: an empty data: favicon (a placeholder) and the &lt;style&gt; Chart.js injects, whose rules Hangfire's own
/// stylesheet already carries (tests/AcceptanceTests/Browser/ContentSecurityPolicyTests).
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/hangfire";

    /// <summary>Maps the dashboard; call after routing, authentication and authorization are in the pipeline.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // Like every page of the app, none of the dashboard's answers may be kept by a cache (its pages are not MVC's,
        // so the no-store filter does not reach them). Its script and styles are a few kilobytes and only for
        // administrators, so they are not worth an exception.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), dashboard => dashboard.Use(next => context =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Remove(HeaderNames.Expires);
                return Task.CompletedTask;
            });
            return next(context);
        }));
        app.MapHangfireDashboardWithAuthorizationPolicy(Roles.Administrator, Path, new DashboardOptions
        {
            DashboardTitle = "Wellbeing Hubs background jobs",
            AppPath = "/admin",

            // The footer would otherwise show the storage's connection string, password included on a server database.
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
