using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>
/// Unsubscribe tokens protected by ASP.NET Core Data Protection (authenticated encryption under the application's key
/// ring) with an expiry inside the protected payload, so neither the member nor the expiry can be changed.
/// </summary>
internal sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection, IConfiguration configuration, TimeProvider clock) : IUnsubscribeTokens
{
    /// <summary>Days an unsubscribe link keeps working after the message is sent (default 60).</summary>
    public const string LifetimeSetting = "Email:UnsubscribeLinkDays";

    // The purpose string isolates these tokens from every other use of the key ring (cookies, antiforgery).
    private readonly ITimeLimitedDataProtector protector = dataProtection
        .CreateProtector("Wellbeing.Email.Unsubscribe.v1")
        .ToTimeLimitedDataProtector();

    private TimeSpan Lifetime => TimeSpan.FromDays(configuration.GetValue(LifetimeSetting, 60));

    public string Issue(OutboxMessage message) =>
        protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{message.Id:N}.{message.MemberId:N}.{(int)message.Kind}"),
            clock.GetUtcNow() + Lifetime);

    public UnsubscribeRequest? Read(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token, out var expiresAt);
            if (expiresAt <= clock.GetUtcNow())
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split('.');
        return parts.Length == 3
               && Guid.TryParseExact(parts[0], "N", out var messageId)
               && Guid.TryParseExact(parts[1], "N", out var memberId)
               && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
               && Enum.IsDefined((MessageKind)kind)
            ? new UnsubscribeRequest(messageId, memberId, (MessageKind)kind)
            : null;
    }
}
