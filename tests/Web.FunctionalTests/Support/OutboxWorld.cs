using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// The app with a clock that stands still at 10:00 UTC today (inside the default sending hours of a UTC hub), its e-mail
/// going to a real SMTP server on loopback, and helpers to record outbox messages as the reminder jobs and the end of a
/// session do, and to run the outbox job as Hangfire would.
/// </summary>
public sealed class OutboxWorld : IAsyncDisposable
{
    private OutboxWorld(LoopbackSmtpServer smtp, FakeTimeProvider clock, bool useSmtp, Action<IServiceCollection>? testServices)
    {
        Smtp = smtp;
        Clock = clock;
        Factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false, TestServices = testServices };
        if (useSmtp)
        {
            Factory.WithSmtp(smtp);
        }
    }

    public LoopbackSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; }

    public WellbeingAppFactory Factory { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <param name="useSmtp">False: the app keeps its default, the pickup folder.</param>
    /// <param name="testServices">Replaces or adds app services (a fault to inject).</param>
    public static OutboxWorld Create(bool useSmtp = true, Action<IServiceCollection>? testServices = null) =>
        new(new LoopbackSmtpServer(), new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero)), useSmtp, testServices);

    /// <summary>A hub (UTC unless a zone is given) with one client who has a sign-in account and has never filled in the index.</summary>
    public async Task<OutboxMember> MemberAsync(string? timeZoneId = null, params int[] scores)
    {
        var hub = await HubScenario.CreateAsync(Factory, "Northwind");
        if (timeZoneId is not null)
        {
            await Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == hub.HubId).ExecuteUpdateAsync(h => h.SetProperty(x => x.TimeZoneId, timeZoneId)));
        }

        var memberId = (await hub.AddMembersAsync(null, 1, _ => scores, Now.AddDays(-20)))[0];
        var email = await hub.OpenClientAccountAsync(memberId);
        return new OutboxMember(hub, memberId, email);
    }

    /// <summary>Records the Wellbeing Index reminder for the member's current due date, due now.</summary>
    public async Task<Guid> QueueWellbeingAsync(OutboxMember member, MessageKind kind = MessageKind.WellbeingReminder)
    {
        var dueOn = await Factory.QueryAsync(async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Id == member.Hub.HubId);
            var enrolled = await db.Members.Where(m => m.Id == member.MemberId).Select(m => m.EnrolledAt).SingleAsync();
            var latest = await db.Submissions.Where(s => s.MemberId == member.MemberId && s.Measure == Measure.Wellbeing).OrderByDescending(s => s.SubmittedAt).Select(s => (DateTimeOffset?)s.SubmittedAt).FirstOrDefaultAsync();
            return WellbeingSchedule.DueOn(latest, enrolled, hub.Settings.ReminderCadenceDays, hub.TimeZoneId);
        });
        return await QueueAsync(new OutboxMessage(member.Hub.HubId, member.MemberId, kind, dueOn, null, Now, Now));
    }

    /// <summary>A session with the member that ended now and opened an alliance invitation, and the invitation's message.</summary>
    public async Task<(Guid SessionId, Guid MessageId)> QueueAllianceInvitationAsync(OutboxMember member)
    {
        var sessionId = Guid.Empty;
        await Factory.ChangeAsync(async db =>
        {
            var hub = await db.Hubs.SingleAsync(h => h.Id == member.Hub.HubId);
            var professional = new Professional("Dr Ada Lovelace", $"ada-{Guid.NewGuid():N}@scenario.test", "Psychologist");
            professional.JoinHub(hub.Id, hub.CreatedAt);
            db.Professionals.Add(professional);
            var session = new CareSession(hub.Id, member.MemberId, professional.Id, Now.AddHours(-1), 1);
            Assert.True(session.End(Now, hub.Settings, hub.TimeZoneId));
            db.CareSessions.Add(session);
            sessionId = session.Id;
        });
        var messageId = await QueueAsync(new OutboxMessage(member.Hub.HubId, member.MemberId, MessageKind.AllianceInvitation, null, sessionId, Now, Now));
        return (sessionId, messageId);
    }

    public async Task<Guid> QueueAsync(OutboxMessage message)
    {
        await Factory.ChangeAsync(db =>
        {
            db.OutboxMessages.Add(message);
            return Task.CompletedTask;
        });
        return message.Id;
    }

    /// <summary>One run of the recurring outbox job, in a scope of its own as Hangfire runs it.</summary>
    public async Task RunJobAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
    }

    public Task<OutboxMessage> MessageAsync(Guid id) => Factory.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));

    /// <summary>What the SMTP server received for this address.</summary>
    public IReadOnlyList<MimeMessage> ReceivedBy(string email) =>
        Smtp.Received.Where(m => m.To.Mailboxes.Any(t => t.Address == email)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed record OutboxMember(HubScenario Hub, Guid MemberId, string Email);
