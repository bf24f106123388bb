using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Wellbeing.Web.Security;

/// <summary>
/// Behind a TLS-terminating reverse proxy the app sees the proxy's plain-http connection. From the proxies configured
/// here, and only from them, ASP.NET Core's forwarded-headers middleware takes the client's address
/// (X-Forwarded-For) and scheme (X-Forwarded-Proto), so Secure cookies, the token endpoint's HTTPS requirement, HTTPS
/// redirection and the per-address throttles see the real request. Anyone else's X-Forwarded-* headers are ignored:
/// trusting them would let any client claim https or another address.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Proxy addresses, separated by ';' (for example "10.0.0.5;10.0.0.6").</summary>
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    /// <summary>Proxy networks in CIDR notation, separated by ';' (for example "10.0.0.0/24").</summary>
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    /// <summary>Reads the trusted proxies; with none configured no request's X-Forwarded-* headers are used (<see cref="UseTrustedProxies"/>).</summary>
    /// <exception cref="InvalidOperationException">An entry is not an IP address or a CIDR network; the message names the setting and the entry.</exception>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Entries(configuration, KnownProxiesSetting).Select(entry => IPAddress.TryParse(entry, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesSetting}: \"{entry}\" is not an IP address.")).ToList();
        var networks = Entries(configuration, KnownNetworksSetting).Select(entry => System.Net.IPNetwork.TryParse(entry, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksSetting}: \"{entry}\" is not a network in CIDR notation (address/prefix).")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The defaults trust loopback; a proxy on the same machine is trusted only when configured, like any other.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline (before HTTPS redirection, HSTS and everything that reads the scheme or the address), and
    /// only with a proxy configured: with both lists empty the middleware would trust X-Forwarded-* from everyone.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static IEnumerable<string> Entries(IConfiguration configuration, string setting) =>
        (configuration[setting] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
