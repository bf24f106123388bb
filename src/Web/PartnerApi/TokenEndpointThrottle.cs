using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Wellbeing.Web.PartnerApi;

/// <summary>Requests to the token endpoint allowed per fixed minute (settings under <see cref="Section"/>).</summary>
public sealed class TokenEndpointThrottleOptions
{
    public const string Section = "PartnerApi:TokenThrottle";

    /// <summary>Per client id, whether sent in the form or in HTTP Basic. A partner needs one token an hour (tokens last an hour).</summary>
    public int PerClientPerMinute { get; set; } = 10;

    /// <summary>Per remote address, whatever client it names: several partners may share one address.</summary>
    public int PerAddressPerMinute { get; set; } = 30;
}

/// <summary>
/// Throttles /connect/token per client id and per remote address with ASP.NET Core's rate limiter, so that client
/// secrets cannot be guessed quickly from one address nor for one client from many. Over either limit the answer is
/// 429 with Retry-After (RFC 6585 §4; RFC 9110 §10.2.3) and problem details (RFC 9457): RFC 6749 §5.2 has no error
/// code for it, and OAuth clients act on the status. Every request counts, granted or refused.
/// </summary>
public static class TokenEndpointThrottle
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Goes before authentication: OpenIddict answers the token endpoint from the authentication middleware.</summary>
    public static IApplicationBuilder UseTokenEndpointThrottle(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<IOptions<TokenEndpointThrottleOptions>>().Value;
        var options = new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ClientIdOf(context) is { } clientId
                    ? RateLimitPartition.GetFixedWindowLimiter(clientId, _ => PerMinute(limits.PerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? string.Empty, _ => PerMinute(limits.PerAddressPerMinute)))),
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = TooManyRequestsAsync,
        };

        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments(PartnerApiServices.TokenPath, StringComparison.OrdinalIgnoreCase),
            token => token
                .Use(async (context, next) =>
                {
                    // The partitions are chosen synchronously; reading the form here lets them see the client id.
                    if (context.Request.HasFormContentType)
                    {
                        await context.Request.ReadFormAsync(context.RequestAborted);
                    }

                    await next(context);
                })
                .UseRateLimiter(options));
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The client id of the form (client_secret_post) or of HTTP Basic (client_secret_basic, RFC 6749 §2.3.1).</summary>
    private static string? ClientIdOf(HttpContext context)
    {
        if (context.Features.Get<IFormFeature>()?.Form?[Parameters.ClientId].ToString() is { Length: > 0 } fromForm)
        {
            return fromForm;
        }

        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        var bytes = new byte[header.Parameter.Length];
        if (!Convert.TryFromBase64String(header.Parameter, bytes, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? Uri.UnescapeDataString(credentials[..colon]) : null;
    }

    private static async ValueTask TooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many token requests",
                Detail = "Wait for the time in Retry-After before asking for a token again.",
            },
        });
    }
}
