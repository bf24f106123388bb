using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Web.Security;

/// <summary>
/// Throttles sign-in attempts per client address with ASP.NET Core's rate limiter: a token bucket per remote address
/// lets <see cref="Burst"/> attempts through at once, then one more each <see cref="SecondsPerAttempt"/>. Beyond that
/// the answer is 429 with Retry-After (RFC 6585 section 4), the same for every e-mail, known or not. It slows a
/// guesser down without ever locking an account, so a stranger cannot keep its owner out (docs/decisions/0007).
/// Bound from the "SignIn:Throttle" settings. Unsubscribe links, also used without signing in, get a bucket of the same
/// shape per address under <see cref="UnsubscribePolicy"/> ("Unsubscribe:Throttle" settings) with a larger default
/// (100 at once, then one a second): a mail provider posts the one-click requests of many members from few addresses,
/// and the throttle only has to stop a flood, since a token cannot be guessed (authenticated encryption). Invitation
/// links (<see cref="InvitationPolicy"/>, "Invitations:Throttle" settings, beside "Invitations:ExpiryDays") get a bucket
/// of their own with the sign-in defaults: one person uses a link, and each post of its form hashes a password.
/// </summary>
public sealed class SignInThrottle
{
    public const string Policy = "sign-in";
    public const string Section = "SignIn:Throttle";
    public const string UnsubscribePolicy = "unsubscribe";
    public const string UnsubscribeSection = "Unsubscribe:Throttle";
    public const string InvitationPolicy = "invitation";
    public const string InvitationSection = "Invitations:Throttle";

    /// <summary>
    /// <see cref="InvitationSection"/>'s name until 2026-11-30. Refused rather than read or ignored: an operator who set
    /// it would otherwise run with a throttle other than the one they chose without being told.
    /// </summary>
    public const string RenamedInvitationSection = "Invitation:Throttle";

    /// <summary>Attempts one address may make at once before it is slowed down.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Once the burst is used, an address earns one more attempt every this many seconds.</summary>
    public int SecondsPerAttempt { get; set; } = 6;

    /// <summary>
    /// The client a throttle counts for: an IPv4 address, or an IPv6 /64 (RFC 6177 gives one site a /48 to /64, so
    /// a single client can switch among the 2^64 addresses of its network at will). Behind a reverse proxy this is the
    /// proxy's address unless forwarded headers are configured.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <exception cref="InvalidOperationException">The settings still use <see cref="RenamedInvitationSection"/>.</exception>
    public static IServiceCollection AddSignInThrottle(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(RenamedInvitationSection).Exists())
        {
            throw new InvalidOperationException(
                $"{RenamedInvitationSection} is now {InvitationSection}: move its Burst and SecondsPerAttempt there (the old name is not read).");
        }

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            AddPerClientPolicy(options, Policy, configuration.GetSection(Section), new SignInThrottle());
            AddPerClientPolicy(options, UnsubscribePolicy, configuration.GetSection(UnsubscribeSection), new SignInThrottle { Burst = 100, SecondsPerAttempt = 1 });
            AddPerClientPolicy(options, InvitationPolicy, configuration.GetSection(InvitationSection), new SignInThrottle());

            // The friendly 429 page comes from the status-code pages (ErrorsController); this only says when to come
            // back, for any limiter that knows (a token bucket always does), and records the refusal in the audit log. It
            // is the one rejection handler of the app.
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var services = context.HttpContext.RequestServices;
                services.GetRequiredService<IAuditLog>().Record(AuditAction.SignInThrottled, hubId: null, objectId: null, AuditOutcome.Refused);
                await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
            };
        });
    }

    /// <summary>Adds <paramref name="policy"/>: a token bucket per client address, shaped by <paramref name="throttle"/>'s defaults overridden by whatever <paramref name="settings"/> holds.</summary>
    private static void AddPerClientPolicy(RateLimiterOptions options, string policy, IConfiguration settings, SignInThrottle throttle)
    {
        settings.Bind(throttle);
        options.AddPolicy(policy, context => RateLimitPartition.GetTokenBucketLimiter(
            ClientOf(context.Connection.RemoteIpAddress),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = throttle.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(throttle.SecondsPerAttempt),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
