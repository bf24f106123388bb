using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The migration that split the single e-mail opt-out into one choice per topic: a member who had opted out keeps every
/// topic off, the others keep every topic on; going back, a member who had turned either topic off is opted out.
/// </summary>
public abstract class EmailChoiceMigrationTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>The migration before the split, whose Members table has the one RemindersOptedOut column.</summary>
    private const string BeforeTheSplit = "EmailSettings";

    [Fact]
    public async Task SingleOptOut_BecomesBothTopicsOff_AndEitherTopicOffGoesBackToTheOptOut()
    {
        var hub = TestData.Hub();
        var optedOut = TestData.Member(hub);
        var receiving = TestData.Member(hub);
        var allianceOff = TestData.Member(hub);
        allianceOff.ChooseEmails(EmailTopic.AllianceSurvey, receive: false);
        await using (var context = Database.CreateContext())
        {
            context.AddRange(hub, optedOut, receiving, allianceOff);
            await context.SaveChangesAsync();
        }

        await MigrateAsync(BeforeTheSplit);
        var afterDown = await OptedOutBeforeTheSplitAsync(allianceOff);
        await using (var context = Database.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync("""UPDATE "Members" SET "RemindersOptedOut" = {0} WHERE "Email" = {1}""", true, optedOut.Email);
        }

        await MigrateAsync(null);

        Assert.True(afterDown);
        Assert.Equal((true, true), await ChoicesAsync(optedOut));
        Assert.Equal((false, false), await ChoicesAsync(receiving));
    }

    private async Task MigrateAsync(string? target)
    {
        await using var context = Database.CreateContext();
        await context.GetService<IMigrator>().MigrateAsync(target);
    }

    private async Task<bool> OptedOutBeforeTheSplitAsync(Member member)
    {
        await using var context = Database.CreateContext();
        return await context.Database
            .SqlQueryRaw<bool>("""SELECT "RemindersOptedOut" AS "Value" FROM "Members" WHERE "Email" = {0}""", member.Email)
            .SingleAsync();
    }

    private async Task<(bool WellbeingOff, bool AllianceOff)> ChoicesAsync(Member member)
    {
        await using var context = Database.CreateContext();
        var loaded = await context.Members.SingleAsync(m => m.Id == member.Id);
        return (loaded.WellbeingEmailsOff, loaded.AllianceEmailsOff);
    }
}

public sealed class SqliteEmailChoiceMigrationTests(SqliteTestDatabase database)
    : EmailChoiceMigrationTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEmailChoiceMigrationTests(PostgresCluster cluster)
    : EmailChoiceMigrationTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
