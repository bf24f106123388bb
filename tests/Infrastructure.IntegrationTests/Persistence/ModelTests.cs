using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>Checks that need no server, which is the only way SQL Server is verified on this machine.</summary>
public sealed class ModelTests
{
    public static TheoryData<DatabaseProvider> Providers => [.. Enum.GetValues<DatabaseProvider>()];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_AreInStepWithTheModel(DatabaseProvider provider)
    {
        using var context = DesignTimeContext(provider);
        Assert.False(context.Database.HasPendingModelChanges(), $"Run dotnet ef migrations add for the {provider} context.");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerScript_CreatesTheTables_AndTheFilteredUniqueIndex()
    {
        using var context = DesignTimeContext(DatabaseProvider.SqlServer);
        var script = context.Database.GenerateCreateScript();

        string[] tables =
        [
            "Hubs", "Members", "Professionals", "HubMemberships", "ClientConnections", "CareSessions",
            "Submissions", "SubmissionAnswers", "SubmissionSubscales", "ShareGrants", "PeriodBlocks", "PeriodCells", "AspNetUsers",
            "ResponderSummaries", "AlliancePeriodScores", "AlliancePeriodSubscales",
            "OpenIddictApplications", "OpenIddictAuthorizations", "OpenIddictScopes", "OpenIddictTokens",
        ];
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script));
        Assert.Contains("CREATE UNIQUE INDEX [IX_Members_HubId_ExternalId] ON [Members] ([HubId], [ExternalId]) WHERE \"ExternalId\" IS NOT NULL;", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_CareSessions_HubId_PartnerSessionId] ON [CareSessions] ([HubId], [PartnerSessionId]) WHERE \"PartnerSessionId\" IS NOT NULL;", script);
        Assert.Contains("[SubmittedAt] datetimeoffset NOT NULL", script);
        Assert.Contains("[Score] decimal(9,2) NOT NULL", script);
        Assert.Contains("CONSTRAINT [FK_ResponderSummaries_Members_MemberId] FOREIGN KEY ([MemberId]) REFERENCES [Members] ([Id]) ON DELETE CASCADE", script);
        Assert.Contains("CREATE INDEX [IX_Submissions_HubId_Measure_SubmittedAt_MemberId_Score] ON [Submissions] ([HubId], [Measure], [SubmittedAt], [MemberId], [Score]);", script);
    }

    [Fact]
    public void EveryTenantTable_HasAnIndex_StartingWithTheHub()
    {
        using var context = DesignTimeContext(DatabaseProvider.Sqlite);
        var tenantTables = context.Model.GetEntityTypes()
            .Where(e => e.FindProperty("HubId") is not null && e.ClrType.Assembly == typeof(Domain.Hubs.Hub).Assembly)
            .Where(e => e.GetTableName() != nameof(WellbeingDbContext.Hubs)); // the settings share the hub's own row

        Assert.NotEmpty(tenantTables);
        Assert.All(tenantTables, entity => Assert.Contains(entity.GetIndexes(), index => index.Properties[0].Name == "HubId"));
    }

    private static WellbeingDbContext DesignTimeContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Create(new SqliteDesignTimeFactory()),
        DatabaseProvider.SqlServer => Create(new SqlServerDesignTimeFactory()),
        DatabaseProvider.Postgres => Create(new PostgresDesignTimeFactory()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private static WellbeingDbContext Create<TContext>(IDesignTimeDbContextFactory<TContext> factory)
        where TContext : WellbeingDbContext => factory.CreateDbContext([]);
}
