using System.Security.Cryptography;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Messaging;

/// <summary>
/// Delivery beyond the happy path: the outcome of a send lost between the SMTP server's acceptance and the mark, the
/// pickup folder of the embedded default, and the job's registration.
/// </summary>
public sealed class OutboxDeliveryTests
{
    /// <summary>The default <c>Email:StaleAttemptMinutes</c>.</summary>
    private static readonly TimeSpan SafeDelay = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task MarkingSentFails_RunsWithinTheSafeDelaySendNothingMore_ThenTheStaleAttemptIsSentAgainUnderTheSameMessageId()
    {
        var crash = new FailMarkingSent();
        await using var world = OutboxWorld.Create(testServices: services =>
            services.ConfigureDbContext<SqliteWellbeingDbContext>(options => options.AddInterceptors(crash)));
        var member = await world.MemberAsync();
        var id = await world.QueueWellbeingAsync(member);

        await Assert.ThrowsAsync<IOException>(world.RunJobAsync);
        crash.Armed = false;
        await world.RunJobAsync();
        world.Clock.Advance(SafeDelay - TimeSpan.FromMinutes(1));
        await world.RunJobAsync();

        Assert.Single(world.ReceivedBy(member.Email));
        var pending = await world.MessageAsync(id);
        Assert.Equal((null, 1), (pending.SentAt, pending.Attempts));

        // Past the safe delay the lost outcome counts as a failure: never lost, sent again with the same Message-ID.
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.RunJobAsync();
        await world.RunJobAsync();

        var received = world.ReceivedBy(member.Email);
        Assert.Equal(2, received.Count);
        Assert.Single(received.Select(m => m.MessageId).Distinct());
        Assert.Equal((world.Now, 2), ((await world.MessageAsync(id)).SentAt, (await world.MessageAsync(id)).Attempts));
    }

    [Fact]
    public async Task NoSmtpServerConfigured_EachMessageIsAReadableEmlFileInThePickupFolder()
    {
        await using var world = OutboxWorld.Create(useSmtp: false);
        var member = await world.MemberAsync();
        var id = await world.QueueWellbeingAsync(member);

        await world.RunJobAsync();

        Assert.Empty(world.Smtp.Received);
        var file = Assert.Single(Directory.GetFiles(world.Factory.PickupFolder));
        Assert.EndsWith($"-{id:N}.eml", file);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(member.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.StartsWith("<http://localhost/unsubscribe/", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Contains("http://localhost/wellbeing", message.TextBody);
        Assert.Contains("http://localhost/wellbeing", message.HtmlBody);
        Assert.NotNull((await world.MessageAsync(id)).SentAt);
    }

    [Fact]
    public async Task Startup_RegistersTheOutboxJobOnceUnderItsIdWithTheConfiguredUtcSchedule()
    {
        await using var world = OutboxWorld.Create();
        world.Factory.Settings["Email:Schedule"] = "*/5 * * * *";

        using var connection = world.Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == OutboxJob.RecurringJobId);
        Assert.Equal(("*/5 * * * *", "UTC", typeof(OutboxJob)), (job.Cron, job.TimeZoneId, job.Job.Type));
    }

    [Fact]
    public async Task DkimKeyConfigured_MessageSignedOverTheUnsubscribeHeaders_AndTheSignatureVerifies()
    {
        using var key = RSA.Create(2048);
        await using var world = OutboxWorld.Create();
        var keyFile = Path.Combine(world.Factory.DataDirectory, "dkim.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportRSAPrivateKeyPem());
        world.Factory.Settings["Email:Dkim:PrivateKeyPath"] = keyFile;
        world.Factory.Settings["Email:Dkim:Domain"] = "wellbeing.example.org";
        world.Factory.Settings["Email:Dkim:Selector"] = "mail2026";
        var member = await world.MemberAsync();
        await world.QueueWellbeingAsync(member);

        await world.RunJobAsync();

        var message = Assert.Single(world.ReceivedBy(member.Email));
        var signature = Assert.Single(message.Headers, h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("d=wellbeing.example.org", signature.Value);
        Assert.Contains("s=mail2026", signature.Value);
        Assert.Contains("list-unsubscribe-post", signature.Value, StringComparison.OrdinalIgnoreCase);
        var verifier = new DkimVerifier(new PublishedKey(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())));
        Assert.True(await verifier.VerifyAsync(message, signature));
    }

    [Theory]
    [InlineData("Email:PublicBaseUrl", "", "Email:PublicBaseUrl")]
    [InlineData("Email:PublicBaseUrl", "/relative", "Email:PublicBaseUrl")]
    [InlineData("Email:PublicBaseUrl", "http://wellbeing.example.org/", "Email:PublicBaseUrl")]
    [InlineData("Email:Smtp:Host", "smtp.example.org", null)]
    [InlineData("Email:Smtp:Security", "Tls", "Email:Smtp:Security")]
    [InlineData("Email:From", "not a mailbox", "Email:From")]
    [InlineData("Email:Dkim:PrivateKeyPath", "/nonexistent/dkim.pem", "Email:Dkim:PrivateKeyPath")]
    public async Task InvalidEmailSetting_StartRefused_NamingTheSetting(string key, string value, string? named)
    {
        await using var world = OutboxWorld.Create(useSmtp: false);
        world.Factory.Settings["Email:Smtp:Host"] = "smtp.example.org";
        world.Factory.Settings[key] = value;

        if (named is null)
        {
            Assert.NotNull(world.Factory.Services.GetRequiredService<JobStorage>());
            return;
        }

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => world.Factory.Services);
        Assert.Contains(named, refused.Message);
    }

    /// <summary>The DNS TXT record a receiver would look up, here answered from memory.</summary>
    private sealed class PublishedKey(string publicKey) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            (domain, selector) == ("wellbeing.example.org", "mail2026") ? GetPublicKey($"v=DKIM1; k=rsa; p={publicKey}") : throw new InvalidOperationException("No such key published.");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }

    /// <summary>While armed, fails the save that marks an outbox message sent: the process dying after the SMTP server accepted it.</summary>
    private sealed class FailMarkingSent : SaveChangesInterceptor
    {
        public bool Armed { get; set; } = true;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            eventData.Context!.ChangeTracker.DetectChanges();
            if (Armed && eventData.Context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Property(m => m.SentAt).IsModified))
            {
                throw new IOException("The process died before it recorded the message as sent.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
