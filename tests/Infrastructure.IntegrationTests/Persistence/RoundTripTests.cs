using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Every aggregate saved by one context and read back by another, against a real engine, so that the mapping of
/// private setters, backing fields, owned types and UTC timestamps is proven rather than assumed.
/// </summary>
public abstract class RoundTripTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Start = TestData.Start;

    [Fact]
    public async Task Hub_WithChangedSettings_KeepsThem()
    {
        var hub = TestData.Hub();
        hub.ChangeSettings(hub.Settings
            .WithPrivacy(k: 7, kDistribution: 12)
            .WithCadences(reminderCadenceDays: 21, AllianceCadence.EveryThirdSession, invitationExpiryDays: 3)
            .WithInterpretation(poorUpTo: 30, moderateUpTo: 55, trendThreshold: 12, allianceLowThreshold: 4.25m, allianceDropThreshold: 1.5m)
            .WithLowParticipationPercent(45));
        await SaveAsync(hub);

        await using (var context = Database.CreateContext())
        {
            var tracked = await context.Hubs.AsTracking().SingleAsync(h => h.Id == hub.Id);
            tracked.ChangeSettings(tracked.Settings.WithPrivacy(k: 8, kDistribution: 12));
            await context.SaveChangesAsync();
        }

        await using var reader = Database.CreateContext();
        var loaded = await reader.Hubs.SingleAsync(h => h.Id == hub.Id);
        Assert.Equal((hub.Name, hub.Slug, hub.TimeZoneId, hub.CreatedAt), (loaded.Name, loaded.Slug, loaded.TimeZoneId, loaded.CreatedAt));
        Assert.Equal(TimeSpan.Zero, loaded.CreatedAt.Offset);
        var settings = loaded.Settings;
        Assert.Equal((8, 12, 21, AllianceCadence.EveryThirdSession, 3), (settings.K, settings.KDistribution, settings.ReminderCadenceDays, settings.AllianceCadence, settings.InvitationExpiryDays));
        Assert.Equal((30, 55, 12, 4.25m, 1.5m, 45), (settings.PoorUpTo, settings.ModerateUpTo, settings.TrendThreshold, settings.AllianceLowThreshold, settings.AllianceDropThreshold, settings.LowParticipationPercent));
    }

    [Fact]
    public async Task Member_RoundTrips()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub, externalId: "HR-0042");
        member.LinkAccount("user-42");
        member.ChooseEmails(EmailTopic.AllianceSurvey, receive: false);
        member.Deactivate(Start.AddDays(30));
        await SaveAsync(hub, member);

        await using var context = Database.CreateContext();
        var loaded = await context.Members.SingleAsync(m => m.Id == member.Id);
        Assert.Equal(
            (member.HubId, member.UserId, member.DisplayName, member.Email, member.ExternalId, member.Department, member.EnrolledAt, member.DeactivatedAt, false, true),
            (loaded.HubId, loaded.UserId, loaded.DisplayName, loaded.Email, loaded.ExternalId, loaded.Department, loaded.EnrolledAt, loaded.DeactivatedAt, loaded.WellbeingEmailsOff, loaded.AllianceEmailsOff));
    }

    [Fact]
    public async Task Professional_InTwoHubs_KeepsBothMemberships()
    {
        var first = TestData.Hub();
        var second = TestData.Hub();
        var professional = TestData.Professional();
        professional.JoinHub(first.Id, Start);
        professional.JoinHub(second.Id, Start.AddDays(1));
        professional.LinkAccount("user-pro");
        await SaveAsync(first, second, professional);

        await using var context = Database.CreateContext();
        var loaded = await context.Professionals.SingleAsync(p => p.Id == professional.Id);
        Assert.Equal((professional.DisplayName, professional.Email, professional.Title, "user-pro"), (loaded.DisplayName, loaded.Email, loaded.Title, loaded.UserId));
        Assert.Equal(
            [(first.Id, Start), (second.Id, Start.AddDays(1))],
            loaded.Hubs.OrderBy(h => h.JoinedAt).Select(h => (h.HubId, h.JoinedAt)));
        Assert.All(loaded.Hubs, h => Assert.Equal(professional.Id, h.ProfessionalId));
        Assert.True(loaded.BelongsTo(second.Id));
    }

    [Fact]
    public async Task StoredProfessional_JoiningAHubLater_GetsItAdded()
    {
        var first = TestData.Hub();
        var second = TestData.Hub();
        var professional = TestData.Professional();
        professional.JoinHub(first.Id, Start);
        await SaveAsync(first, second, professional);

        await using (var context = Database.CreateContext())
        {
            var tracked = await context.Professionals.AsTracking().SingleAsync(p => p.Id == professional.Id);
            tracked.JoinHub(second.Id, Start.AddDays(2));
            await context.SaveChangesAsync();
        }

        await using var reader = Database.CreateContext();
        var loaded = await reader.Professionals.SingleAsync(p => p.Id == professional.Id);
        Assert.Equal(2, loaded.Hubs.Count);
    }

    [Fact]
    public async Task ClientConnection_RoundTrips()
    {
        var (hub, member, professional) = People();
        var connection = new ClientConnection(hub.Id, member.Id, professional.Id, Start);
        await SaveAsync(hub, member, professional, connection);

        await using var context = Database.CreateContext();
        var loaded = await context.ClientConnections.SingleAsync(c => c.Id == connection.Id);
        Assert.Equal((hub.Id, member.Id, professional.Id, Start), (loaded.HubId, loaded.MemberId, loaded.ProfessionalId, loaded.ConnectedAt));
    }

    [Fact]
    public async Task CareSession_EndedWithAnInvitation_RoundTrips()
    {
        var (hub, member, professional) = People();
        var session = new CareSession(hub.Id, member.Id, professional.Id, Start, sequenceNumber: 1, partnerSessionId: "booking-7");
        Assert.True(session.End(Start.AddHours(1), hub.Settings, hub.TimeZoneId));
        await SaveAsync(hub, member, professional, session);

        await using var context = Database.CreateContext();
        var loaded = await context.CareSessions.SingleAsync(s => s.Id == session.Id);
        Assert.Equal(
            ("booking-7", Start, 1, Start.AddHours(1), Start.AddHours(1), Start.AddHours(1).AddDays(7), (Guid?)null),
            (loaded.PartnerSessionId, loaded.ScheduledAt, loaded.SequenceNumber, loaded.EndedAt, loaded.InvitationOpenedAt, loaded.InvitationExpiresAt, loaded.AllianceSubmissionId));
        Assert.True(loaded.InvitationIsOpen(Start.AddDays(2)));
    }

    [Fact]
    public async Task Submission_KeepsItsAnswersAndSubscales()
    {
        var (hub, member, _) = People();
        var submission = Submission.ForWellbeing(hub.Id, member.Id, TestData.WellbeingSurvey(), TestData.Answers(5, 2, 1), Start);
        await SaveAsync(hub, member, submission);

        await using var context = Database.CreateContext();
        var loaded = await context.Submissions.AsSplitQuery().SingleAsync(s => s.Id == submission.Id);
        Assert.Equal(
            ("test-wellbeing", 1, Measure.Wellbeing, Start, 11m, 44m, (Guid?)null),
            (loaded.SurveyKey, loaded.SurveyVersion, loaded.Measure, loaded.SubmittedAt, loaded.RawScore, loaded.Score, loaded.ProfessionalId));
        Assert.Equal(
            [new SubmittedAnswer("q1", 5), new SubmittedAnswer("q2", 2), new SubmittedAnswer("q3", 1)],
            loaded.Answers.OrderBy(a => a.ItemId));
        Assert.Equal(
            [new SubscaleResult("energy", 4m), new SubscaleResult("mood", 3.5m)],
            loaded.Subscales.OrderBy(s => s.Key));
    }

    [Fact]
    public async Task RevokedShareGrant_RoundTrips()
    {
        var (hub, member, professional) = People();
        var grant = new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Alliance, Start);
        grant.Revoke(Start.AddDays(3));
        await SaveAsync(hub, member, professional, grant);

        await using var context = Database.CreateContext();
        var loaded = await context.ShareGrants.SingleAsync(g => g.Id == grant.Id);
        Assert.Equal(
            (member.Id, professional.Id, Measure.Alliance, Start, (DateTimeOffset?)Start.AddDays(3), false),
            (loaded.MemberId, loaded.ProfessionalId, loaded.Measure, loaded.GrantedAt, loaded.RevokedAt, loaded.IsActive));
    }

    [Fact]
    public async Task PeriodBlock_KeepsItsCellsScopesAndRules_IncludingHiddenCells()
    {
        var hub = TestData.Hub();
        var period = new ReportingPeriod("2026-03", Start, Start.AddMonths(1));
        var block = new PeriodBlock(hub.Id, period, Start.AddMonths(1).AddHours(2), new PrivacyThresholds(5, 10),
        [
            new Cell(Metrics.WellbeingMean, Scope.WholeHub, 61.4375m, 23),
            new Cell(Metrics.WellbeingMean, Scope.OfDepartment("Sales"), 58.25m, 12),
            Cell.Hidden(Metrics.WellbeingDistribution, Scope.OfDepartment("Legal"), "Poor"),
        ]);
        await SaveAsync(hub, block);

        await using var context = Database.CreateContext();
        var loaded = await context.PeriodBlocks.SingleAsync(b => b.Id == block.Id);
        Assert.Equal(
            (hub.Id, "2026-03", Start, Start.AddMonths(1), Start.AddMonths(1).AddHours(2), 5, 10),
            (loaded.HubId, loaded.PeriodKey, loaded.PeriodStart, loaded.PeriodEnd, loaded.PublishedAt, loaded.K, loaded.KDistribution));
        Assert.Equal(
            block.Cells.Select(c => (c.Metric, c.Scope, c.Category, c.Value, c.People)).OrderBy(c => c.ToString()),
            loaded.Cells.Select(c => (c.Metric, c.Scope, c.Category, c.Value, c.People)).OrderBy(c => c.ToString()));
        Assert.Equal(["Legal", "Sales"], loaded.Departments);
        Assert.Single(loaded.Cells, c => c.IsHidden);
    }

    [Fact]
    public async Task Submissions_AreOrderedComparedAndAveraged_InSql()
    {
        var (hub, member, _) = People();
        var survey = TestData.WellbeingSurvey();

        // Stored out of order and with different offsets: only the instant may decide the order.
        var late = Submission.ForWellbeing(hub.Id, member.Id, survey, TestData.Answers(5, 5, 0), new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(-5)));
        var early = Submission.ForWellbeing(hub.Id, member.Id, survey, TestData.Answers(1, 1, 5), new DateTimeOffset(2026, 4, 1, 18, 0, 0, TimeSpan.FromHours(9)));
        var middle = Submission.ForWellbeing(hub.Id, member.Id, survey, TestData.Answers(3, 3, 3), new DateTimeOffset(2026, 4, 1, 14, 0, 0, TimeSpan.Zero));
        await SaveAsync(hub, member, late, early, middle);

        await using var context = Database.CreateContext();
        var ofHub = context.Submissions.Where(s => s.HubId == hub.Id && s.Measure == Measure.Wellbeing);

        var ordered = await ofHub.OrderBy(s => s.SubmittedAt).Select(s => s.Id).ToListAsync();
        Assert.Equal([early.Id, middle.Id, late.Id], ordered);

        var byScore = await ofHub.OrderByDescending(s => s.Score).Select(s => s.Score).ToListAsync();
        Assert.Equal([late.Score, middle.Score, early.Score], byScore);

        var since = new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal([middle.Id, late.Id], await ofHub.Where(s => s.SubmittedAt >= since).OrderBy(s => s.SubmittedAt).Select(s => s.Id).ToListAsync());

        var average = await ofHub.AverageAsync(s => s.Score);
        Assert.Equal((early.Score + middle.Score + late.Score) / 3, average, precision: 2);
    }

    [Fact]
    public async Task SecondMemberOfAHub_WithTheSameExternalId_IsRefused()
    {
        var hub = TestData.Hub();
        await SaveAsync(hub, TestData.Member(hub, externalId: "HR-1"), TestData.Member(hub), TestData.Member(hub));

        await using var context = Database.CreateContext();
        context.Add(TestData.Member(hub, "Someone Else", externalId: "HR-1"));
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task SameExternalId_InAnotherHub_IsAllowed()
    {
        var first = TestData.Hub();
        var second = TestData.Hub();
        await SaveAsync(first, second, TestData.Member(first, externalId: "HR-1"), TestData.Member(second, externalId: "HR-1"));
    }

    [Fact]
    public async Task InstrumentLicence_RoundTrips_InUtc_AndIsUniquePerHubAndInstrument()
    {
        var hub = TestData.Hub();
        var survey = TestData.WellbeingSurvey(commercialUseNote: "Commercial use needs permission.");
        var licence = new InstrumentLicence(hub.Id, survey, "admin-user", "Alex Admin", Start, "Letter ref. 17");
        await SaveAsync(hub, licence);

        await using (var context = Database.CreateContext())
        {
            var loaded = await context.InstrumentLicences.SingleAsync(l => l.Id == licence.Id);
            Assert.Equal((hub.Id, survey.Key, "admin-user", "Alex Admin", Start, "Letter ref. 17"), (loaded.HubId, loaded.SurveyKey, loaded.RecordedByUserId, loaded.RecordedByName, loaded.RecordedAt, loaded.Note));
            Assert.Equal(TimeSpan.Zero, loaded.RecordedAt.Offset);
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => SaveAsync(new InstrumentLicence(hub.Id, survey, "other-admin", "Sam Admin", Start.AddDays(1), "Again")));
    }

    private static (Hub Hub, Domain.Members.Member Member, Professional Professional) People()
    {
        var hub = TestData.Hub();
        var professional = TestData.Professional();
        professional.JoinHub(hub.Id, Start);
        return (hub, TestData.Member(hub), professional);
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var context = Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }
}

public sealed class SqliteRoundTripTests(SqliteTestDatabase database)
    : RoundTripTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On the assembly's throwaway PostgreSQL cluster; each test gets a freshly migrated database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRoundTripTests(PostgresCluster cluster)
    : RoundTripTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
