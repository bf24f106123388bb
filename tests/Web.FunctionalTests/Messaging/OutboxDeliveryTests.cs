using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
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
