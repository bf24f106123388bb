using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wellbeing.Web.Security;
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
/// Throttles /connect/token per client id from one address and per address (an IPv6 client by its /64) with ASP.NET
/// Core's rate limiter, so that client secrets cannot be guessed quickly, and nobody elsewhere can use up a partner's
/// window by sending its client id with wrong secrets. Many addresses guessing one client's secret are not slowed
/// here: a partner's secret is a generated 256-bit value, not a password. Over either limit the answer is
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
                // A client id counts per address: a stranger who knows the id, and sends it with wrong secrets from
                // elsewhere, uses up their own window, never the partner's.
                PartitionedRateLimiter.Create<HttpContext, string>(context => ClientIdOf(context) is { } clientId
                    ? RateLimitPartition.GetFixedWindowLimiter($"{clientId} {SignInThrottle.ClientOf(context.Connection.RemoteIpAddress)}", _ => PerMinute(limits.PerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                    SignInThrottle.ClientOf(context.Connection.RemoteIpAddress), _ => PerMinute(limits.PerAddressPerMinute)))),
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
                        IFormCollection form;
                        try
                        {
                            form = await context.Request.ReadFormAsync(context.RequestAborted);
                        }
                        catch (InvalidDataException)
                        {
                            // Over the form limits (field count, value length): a malformed request, not a fault.
                            await InvalidRequestAsync(context, "The request is too large.");
                            return;
                        }

                        // RFC 6749 §3.1: a parameter sent more than once makes the request invalid; OpenIddict would read one.
                        if (form.FirstOrDefault(field => field.Value.Count > 1) is { Key: { } repeated })
                        {
                            await InvalidRequestAsync(context, $"The {repeated} parameter is given more than once.");
                            return;
                        }
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

    /// <summary>An OAuth error response (RFC 6749 §5.2), as OpenIddict writes its own: 400 with JSON, never cached.</summary>
    private static Task InvalidRequestAsync(HttpContext context, string description)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string>
        {
            [Parameters.Error] = OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidRequest,
            [Parameters.ErrorDescription] = description,
        });
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
