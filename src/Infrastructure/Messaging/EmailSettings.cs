using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Wellbeing.Application.Messaging.Commands.SendDueMessages;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>How the connection to the SMTP server is secured (<c>Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or a test server on loopback.</summary>
    None,

    /// <summary>Connect in plain text and upgrade with STARTTLS, refusing a server that does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465; RFC 8314).</summary>
    SslOnConnect,
}

/// <summary>The SMTP server; absent when <c>Email:Smtp:Host</c> is not set, and then messages go to the pickup folder.</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security, string? UserName, string? Password);

/// <summary>DKIM signing (RFC 6376) with the RSA private key in a PEM file, published under <c>{Selector}._domainkey.{Domain}</c>.</summary>
public sealed record DkimSettings(string PrivateKeyPath, string Domain, string Selector);

/// <summary>
/// The e-mail settings (section <c>Email</c>), read and checked once at start-up so that a wrong value stops the start
/// with a message naming the setting, instead of failing the first send hours later.
/// </summary>
/// <param name="From"><c>Email:From</c>, a mailbox such as <c>Wellbeing Hubs &lt;no-reply@example.org&gt;</c>.</param>
/// <param name="PickupFolder"><c>Email:PickupFolder</c>: relative to the content root unless absolute.</param>
/// <param name="Schedule"><c>Email:Schedule</c>: the outbox job's cron expression, in UTC (every minute by default).</param>
public sealed record EmailSettings(MailboxAddress From, SmtpSettings? Smtp, DkimSettings? Dkim, string PickupFolder, string Schedule, OutboxSettings Outbox)
{
    public const string Section = "Email";

    /// <summary>The pickup folder when none is configured, relative to the content root (ignored by git).</summary>
    public const string DefaultPickupFolder = "App_Data/mail-pickup";

    /// <exception cref="InvalidOperationException">A missing or malformed setting; the message names it.</exception>
    public static EmailSettings Read(IConfiguration configuration)
    {
        var email = configuration.GetSection(Section);
        var from = email["From"] is { Length: > 0 } configured
            ? MailboxAddress.TryParse(configured, out var parsed) ? parsed : throw Invalid("Email:From", configured, "a mailbox such as \"Wellbeing Hubs <no-reply@example.org>\"")
            : new MailboxAddress("Wellbeing Hubs", "no-reply@wellbeing.invalid");

        var baseUrl = email["PublicBaseUrl"];
        // Plain http only on loopback (a demo, the tests): elsewhere the links carry unsubscribe tokens in the clear, and
        // receivers ignore an RFC 8058 one-click URI that is not https.
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var publicBaseUrl)
            || !(publicBaseUrl.Scheme == Uri.UriSchemeHttps || (publicBaseUrl.Scheme == Uri.UriSchemeHttp && publicBaseUrl.IsLoopback)))
        {
            throw Invalid("Email:PublicBaseUrl", baseUrl, "the site's absolute https address, e.g. https://wellbeing.example.org/ (links in e-mails need it; a job has no request to take it from; http only on loopback)");
        }

        var outbox = new OutboxSettings(
            // A trailing slash makes relative links land below the base path instead of replacing its last segment.
            publicBaseUrl.AbsoluteUri.EndsWith('/') ? publicBaseUrl : new Uri(publicBaseUrl.AbsoluteUri + "/"),
            TimeSpan.FromMinutes(Positive(email, "StaleAttemptMinutes", 30)),
            Positive(email, "BatchSize", 200));

        var schedule = email["Schedule"] is { Length: > 0 } cron ? cron : Cron.Minutely();
        return new EmailSettings(from, ReadSmtp(email.GetSection("Smtp")), ReadDkim(email.GetSection("Dkim")), email["PickupFolder"] is { Length: > 0 } folder ? folder : DefaultPickupFolder, schedule, outbox);
    }

    private static SmtpSettings? ReadSmtp(IConfigurationSection smtp)
    {
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            return null;
        }

        var security = smtp["Security"] is { Length: > 0 } name
            ? Enum.GetValues<SmtpSecurity>().FirstOrDefault(s => s.ToString().Equals(name, StringComparison.OrdinalIgnoreCase), (SmtpSecurity)(-1))
            : SmtpSecurity.StartTls;
        if (!Enum.IsDefined(security))
        {
            throw Invalid("Email:Smtp:Security", smtp["Security"], string.Join(", ", Enum.GetNames<SmtpSecurity>()));
        }

        var port = Positive(smtp, "Port", security == SmtpSecurity.SslOnConnect ? 465 : 587);
        var userName = smtp["UserName"];
        return new SmtpSettings(smtp["Host"]!.Trim(), port, security, string.IsNullOrEmpty(userName) ? null : userName, smtp["Password"]);
    }

    private static DkimSettings? ReadDkim(IConfigurationSection dkim)
    {
        var path = dkim["PrivateKeyPath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        // Checked now: a missing key would otherwise fail every send after the message was claimed.
        if (!File.Exists(path))
        {
            throw Invalid("Email:Dkim:PrivateKeyPath", path, "the path of an existing PEM file holding the RSA private key");
        }

        if (string.IsNullOrWhiteSpace(dkim["Domain"]) || string.IsNullOrWhiteSpace(dkim["Selector"]))
        {
            throw Invalid("Email:Dkim:Domain or Email:Dkim:Selector", null, "the signing domain and the selector its public key is published under");
        }

        return new DkimSettings(path, dkim["Domain"]!.Trim(), dkim["Selector"]!.Trim());
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw Invalid($"{section.Path}:{key}", value, "a positive whole number");
    }

    private static InvalidOperationException Invalid(string key, string? value, string expected) =>
        new(value is null ? $"{key} is not set; expected {expected}." : $"{key} is \"{value}\"; expected {expected}.");
}
