using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The migration that adds the clients list's read model fills it from the grants and submissions already stored with
/// what <see cref="SharedScores.Derive"/> gives, and gives every member a stamp.
/// </summary>
public abstract class ClientsReadModelMigrationTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task ExistingGrantsAndScores_AreBackfilled_AsTheDerivationGivesThem()
    {
        var hub = TestData.Hub();
        var shares = TestData.Member(hub, "Shares");
        var revoked = TestData.Member(hub, "Revoked");
        var silent = TestData.Member(hub, "Nothing yet");
        var professional = TestData.Professional();
        var other = TestData.Professional();
        var wellbeing = TestData.WellbeingSurvey();
        var alliance = TestData.AllianceSurvey();
        var ended = new ShareGrant(hub.Id, revoked.Id, professional.Id, Measure.Wellbeing, TestData.Start);
        ended.Revoke(TestData.Start.AddDays(1));
        var entities = new List<object>
        {
            hub, shares, revoked, silent, professional, other, ended,
            new ShareGrant(hub.Id, shares.Id, professional.Id, Measure.Wellbeing, TestData.Start),
            new ShareGrant(hub.Id, shares.Id, professional.Id, Measure.Alliance, TestData.Start),
            new ShareGrant(hub.Id, shares.Id, other.Id, Measure.Alliance, TestData.Start),
            new ShareGrant(hub.Id, silent.Id, other.Id, Measure.Wellbeing, TestData.Start),
        };
        for (var day = 1; day <= 3; day++)
        {
            entities.Add(Submission.ForWellbeing(hub.Id, shares.Id, wellbeing, TestData.Answers(day, 1, 2), TestData.Start.AddDays(day)));
            entities.Add(Submission.ForWellbeing(hub.Id, revoked.Id, wellbeing, TestData.Answers(day, 4, 2), TestData.Start.AddDays(day)));
            var session = new CareSession(hub.Id, shares.Id, professional.Id, TestData.Start.AddDays(day).AddHours(-2), sequenceNumber: day);
            session.End(TestData.Start.AddDays(day).AddHours(-1), hub.Settings, hub.TimeZoneId);
            entities.Add(session);
            entities.Add(Submission.ForAlliance(hub.Id, shares.Id, alliance, alliance.Items.ToDictionary(i => i.Id, _ => (int?)(day + 2)), TestData.Start.AddDays(day), professional.Id, session.Id));
        }

        await using (var context = Database.CreateContext())
        {
            context.AddRange(entities);
            await context.SaveChangesAsync();
        }

        var memberIds = new[] { shares.Id, revoked.Id, silent.Id };
        var expected = await DerivedAsync(memberIds);
        Assert.Equal(4, expected.Count);

        await using (var context = Database.CreateContext())
        {
            var migrations = context.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ClientsReadModel", StringComparison.Ordinal)) - 1];
            await context.GetService<IMigrator>().MigrateAsync(previous);
            await context.GetService<IMigrator>().MigrateAsync();
        }

        await using var migrated = Database.CreateContext();
        var stored = await migrated.SharedScores.Where(s => memberIds.Contains(s.MemberId)).ToListAsync();
        Assert.Equal(expected, TestData.Describe(stored));
        Assert.Equal(memberIds.Order(), (await migrated.SharedScoreStamps.Where(s => memberIds.Contains(s.MemberId)).Select(s => s.MemberId).ToListAsync()).Order());
    }

    private async Task<List<string>> DerivedAsync(Guid[] memberIds)
    {
        await using var context = Database.CreateContext();
        var grants = await context.ShareGrants.Where(g => memberIds.Contains(g.MemberId)).ToListAsync();
        var scores = await context.Submissions.Where(s => memberIds.Contains(s.MemberId))
            .Select(s => new SubmittedScore(s.Id, s.MemberId, s.Measure, s.ProfessionalId, s.SubmittedAt, s.Score))
            .ToListAsync();
        return TestData.Describe(SharedScores.Derive(grants, scores));
    }
}

public sealed class SqliteClientsReadModelMigrationTests(SqliteTestDatabase database)
    : ClientsReadModelMigrationTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClientsReadModelMigrationTests(PostgresCluster cluster)
    : ClientsReadModelMigrationTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
