using Microsoft.Net.Http.Headers;

namespace Wellbeing.Web.Security;

/// <summary>What every response tells the browser, and which hosts the app answers for.</summary>
public static class BrowserSecurity
{
    public const string AllowedHostsSetting = "AllowedHosts";

    /// <summary>
    /// NetEscapades' defaults (X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy
    /// strict-origin-when-cross-origin, cross-origin isolation headers, no Server header) with a Content-Security-Policy
    /// that allows only the site's own files: no inline script or style anywhere (htmx's indicator style is turned off
    /// in _Layout's htmx-config), no plugins, no framing (frame-ancestors, CSP Level 2 section 7.7). The middleware
    /// writes them as each response starts, so error pages, static files and the API carry them too.
    /// Strict-Transport-Security is left to UseHsts, which only deployed environments use and which skips localhost.
    /// </summary>
    public static HeaderPolicyCollection Headers()
    {
        var policies = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        policies.Remove(HeaderNames.StrictTransportSecurity);
        return policies;
    }

    /// <summary>
    /// Outside Development the app answers only for the host names configured in AllowedHosts (';'-separated, no "*"):
    /// ASP.NET Core's host filtering then refuses any other Host header with 400, so a forged one cannot end up in a
    /// redirect such as the sign-in one. Refuses to start when the setting is missing or allows every host.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside Development, AllowedHosts is empty or contains "*".</exception>
    public static void RequireConfiguredHosts(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var hosts = (configuration[AllowedHostsSetting] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new InvalidOperationException(
                $"Set {AllowedHostsSetting} to the host names this site is reached by, separated by ';' (for example \"wellbeing.example.com\"); " +
                "outside Development every other Host header is refused, and \"*\" is not allowed.");
        }
    }
}

/// <summary>
/// Adds the security headers before anything else in the pipeline, host filtering included: ASP.NET Core adds host
/// filtering through its own startup filter, ahead of the app's middleware, so a request with a forged Host would
/// otherwise be refused (400) without a Content-Security-Policy or frame-ancestors. Registered first among the
/// startup filters (<see cref="DependencyInjection.AddWeb"/>), so it wraps all of them.
/// </summary>
public sealed class SecurityHeadersFirst : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        next(app);
    };
}
