using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Messaging;

/// <summary>
/// The outbox job sending to a real SMTP server on loopback: what a member receives (headers, both bodies, the link,
/// nothing clinical), and that each message arrives exactly once however the job is run.
/// </summary>
public sealed class OutboxSendingTests : IAsyncLifetime
{
    private readonly OutboxWorld _world = OutboxWorld.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();

    [Fact]
    public async Task WellbeingReminder_Sent_CarriesHubLinkAndOneClickUnsubscribeInBothBodiesAndNothingClinical()
    {
        var member = await _world.MemberAsync(scores: 48);
        var id = await _world.QueueWellbeingAsync(member);

        await _world.RunJobAsync();

        var message = Assert.Single(_world.ReceivedBy(member.Email));
        Assert.Equal("no-reply@wellbeing.invalid", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("Wellbeing Index", message.Subject);
        Assert.Contains("Northwind", message.Subject);
        Assert.Equal($"{id:N}@localhost", message.MessageId);

        var unsubscribe = UnsubscribeUrl(message);
        Assert.Equal($"<{unsubscribe}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers[HeaderId.ListUnsubscribePost]);
        var request = _world.Factory.Services.GetRequiredService<IUnsubscribeTokens>().Read(unsubscribe.Segments[^1]);
        Assert.Equal(new UnsubscribeRequest(id, member.MemberId, MessageKind.WellbeingReminder), request);

        foreach (var body in Bodies(message))
        {
            Assert.Contains("http://localhost/wellbeing", body);
            Assert.Contains(unsubscribe.AbsoluteUri, body);
            Assert.Contains("Northwind", body);
            AssertNothingClinical(body, "48", "Person 0");
        }

        var stored = await _world.MessageAsync(id);
        Assert.Equal((_world.Now, 1), (stored.SentAt, stored.Attempts));
    }

    [Fact]
    public async Task AllianceInvitation_Sent_LinksToThatSessionsSurveyWithoutNamingTheProfessional()
    {
        var member = await _world.MemberAsync();
        var (sessionId, id) = await _world.QueueAllianceInvitationAsync(member);

        await _world.RunJobAsync();

        var message = Assert.Single(_world.ReceivedBy(member.Email));
        Assert.Contains("Northwind", message.Subject);
        foreach (var body in Bodies(message))
        {
            Assert.Contains($"http://localhost/alliance/{sessionId}", body);
            Assert.Contains("Professional Alliance Survey", body);
            Assert.Contains(UnsubscribeUrl(message).AbsoluteUri, body);
            AssertNothingClinical(body, "Lovelace", "Psychologist");
        }

        Assert.NotNull((await _world.MessageAsync(id)).SentAt);
    }

    [Fact]
    public async Task Job_RunTwice_SendsEachMessageOnce()
    {
        var member = await _world.MemberAsync();
        await _world.QueueWellbeingAsync(member);

        await _world.RunJobAsync();
        await _world.RunJobAsync();

        Assert.Single(_world.ReceivedBy(member.Email));
    }

    [Fact]
    public async Task Job_RunConcurrently_SendsEachMessageOnce()
    {
        var members = new List<OutboxMember>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await _world.MemberAsync());
            await _world.QueueWellbeingAsync(members[^1]);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(_world.RunJobAsync)));
        await _world.RunJobAsync();

        Assert.All(members, m => Assert.Single(_world.ReceivedBy(m.Email)));
    }

    [Fact]
    public async Task SmtpDown_JobFailsAndNothingIsMarkedSent_ThenUp_SendsOnce()
    {
        var member = await _world.MemberAsync();
        var id = await _world.QueueWellbeingAsync(member);
        await _world.Smtp.StopAsync();

        await Assert.ThrowsAsync<EmailDeliveryException>(_world.RunJobAsync);
        var released = await _world.MessageAsync(id);
        Assert.Equal((null, null, 1), (released.SentAt, released.AttemptedAt, released.Attempts));

        _world.Smtp.Start();
        await _world.RunJobAsync();
        await _world.RunJobAsync();

        Assert.Single(_world.ReceivedBy(member.Email));
        Assert.Equal(2, (await _world.MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task RecipientRefusedPermanently_MessageWithdrawn_AndTheNextMessageStillSent()
    {
        var refused = await _world.MemberAsync();
        var other = await _world.MemberAsync();
        var refusedId = await _world.QueueWellbeingAsync(refused);
        await _world.QueueWellbeingAsync(other);
        _world.Smtp.RefusedRecipients.Add(refused.Email);

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(refused.Email));
        Assert.Single(_world.ReceivedBy(other.Email));
        Assert.NotNull((await _world.MessageAsync(refusedId)).WithdrawnAt);
    }

    [Fact]
    public async Task MemberOptedOut_MessageWithdrawnUnsent()
    {
        var member = await _world.MemberAsync();
        var id = await _world.QueueWellbeingAsync(member);
        await _world.Factory.ChangeAsync(async db => (await db.Members.FindAsync(member.MemberId))!.ChooseEmails(EmailTopic.WellbeingIndex, receive: false));

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(member.Email));
        Assert.Equal(_world.Now, (await _world.MessageAsync(id)).WithdrawnAt);
    }

    [Fact]
    public async Task MemberDeactivated_MessageWithdrawnUnsent()
    {
        var member = await _world.MemberAsync();
        var id = await _world.QueueWellbeingAsync(member);
        await member.Hub.DeactivateAsync(member.MemberId);

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(member.Email));
        Assert.NotNull((await _world.MessageAsync(id)).WithdrawnAt);
    }

    [Fact]
    public async Task IndexAnsweredSinceTheReminderWasRecorded_ReminderAndFollowUpWithdrawnUnsent()
    {
        var member = await _world.MemberAsync();
        var reminder = await _world.QueueWellbeingAsync(member);
        var followUp = await _world.QueueWellbeingAsync(member, MessageKind.WellbeingFollowUp);
        await member.Hub.SubmitAsync(member.MemberId, 60, _world.Now.AddMinutes(-5));

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(member.Email));
        Assert.NotNull((await _world.MessageAsync(reminder)).WithdrawnAt);
        Assert.NotNull((await _world.MessageAsync(followUp)).WithdrawnAt);
    }

    [Fact]
    public async Task AllianceSurveyExpired_InvitationWithdrawnUnsent()
    {
        var member = await _world.MemberAsync();
        var (sessionId, id) = await _world.QueueAllianceInvitationAsync(member);
        await _world.Factory.ChangeAsync(async db =>
        {
            var session = await db.CareSessions.FindAsync(sessionId);
            db.Entry(session!).Property(s => s.InvitationExpiresAt).CurrentValue = _world.Now.AddMinutes(-1);
        });

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(member.Email));
        Assert.NotNull((await _world.MessageAsync(id)).WithdrawnAt);
    }

    [Fact]
    public async Task NightInTheHubsZone_MessageDeferredToTheMorningUnsent()
    {
        // 10:00 UTC is 23:00 in Auckland in the southern summer (NZDT, UTC+13) and 22:00 in winter (NZST, UTC+12).
        var member = await _world.MemberAsync("Pacific/Auckland");
        var id = await _world.QueueWellbeingAsync(member);

        await _world.RunJobAsync();

        Assert.Empty(_world.ReceivedBy(member.Email));
        var deferred = await _world.MessageAsync(id);
        var local = TimeZoneInfo.ConvertTime(deferred.NotBefore, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        Assert.Equal((new TimeSpan(8, 0, 0), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_world.Now, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland")).DateTime).AddDays(1)),
            (local.TimeOfDay, DateOnly.FromDateTime(local.DateTime)));
        Assert.Equal((null, null, 0), (deferred.SentAt, deferred.AttemptedAt, deferred.Attempts));
    }

    /// <summary>The plain-text and the HTML body: a message without either fails.</summary>
    private static string[] Bodies(MimeMessage message) => [Assert.IsType<string>(message.TextBody), Assert.IsType<string>(message.HtmlBody)];

    private static Uri UnsubscribeUrl(MimeMessage message)
    {
        var header = Assert.IsType<string>(message.Headers[HeaderId.ListUnsubscribe]);
        Assert.StartsWith("<http://localhost/unsubscribe/", header);
        return new Uri(header.Trim('<', '>'));
    }

    private static void AssertNothingClinical(string body, params string[] personal)
    {
        foreach (var word in personal.Concat(["score", "bracket", "Poor", "Moderate", "note"]))
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
