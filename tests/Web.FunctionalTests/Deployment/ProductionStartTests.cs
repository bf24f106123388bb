using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.PartnerApi;

namespace Wellbeing.Web.FunctionalTests.Deployment;

/// <summary>
/// Outside Development the database is named explicitly: a node or a command without it refuses to start, naming the
/// settings, instead of running on an SQLite file in the publish folder with jobs in memory.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly DeploymentCertificates _certificates = new();

    [Theory]
    [InlineData("Database:Provider")]
    [InlineData("ConnectionStrings:Wellbeing")]
    public void ANodeOutsideDevelopment_WithoutADatabaseSetting_RefusesToStart_NamingBoth(string missing)
    {
        using var node = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, connectionString: null, seedsDemo: false);
        node.Settings[missing] = null;

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains("Set Database:Provider", error.ToString());
        Assert.Contains("ConnectionStrings:Wellbeing", error.ToString());
    }

    [Theory]
    [InlineData(MigrateCommand.Verb)]
    [InlineData(CreateAdminCommand.Verb)]
    public async Task ACommandInProduction_WithoutADatabaseProvider_ExitsOne_NamingTheSettings(string verb)
    {
        using var scratch = new WellbeingAppFactory();
        var start = PublishedApp.Process(DatabaseProvider.Sqlite, scratch.ConnectionString, [verb, "--email", "operator@employer.example"],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = Environments.Production, ["Database__Provider"] = null });

        var (exitCode, output) = await PublishedApp.RunToEndAsync(start, "Blue-Harbour-42\n");

        Assert.True(exitCode == 1, output);
        Assert.Contains("Set Database:Provider", output);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "App_Data", "wellbeing.db")), "The command fell back to the embedded database.");
    }

    /// <summary>A settings mistake is the operator's to fix: the command says what, on one line, like a node's start.</summary>
    [Theory]
    [InlineData(MigrateCommand.Verb, "Oracle", "Database:Provider is \"Oracle\"; allowed values: Sqlite, SqlServer, Postgres")]
    [InlineData(VerifyAuditCommand.Verb, "Oracle", "Database:Provider is \"Oracle\"; allowed values: Sqlite, SqlServer, Postgres")]
    [InlineData(CreateAdminCommand.Verb, "Oracle", "Database:Provider is \"Oracle\"; allowed values: Sqlite, SqlServer, Postgres")]
    [InlineData(MigrateCommand.Verb, "Postgres", "Postgres needs ConnectionStrings:Wellbeing.")]
    [InlineData(VerifyAuditCommand.Verb, "Postgres", "Postgres needs ConnectionStrings:Wellbeing.")]
    public async Task ACommand_WithABadProviderOrNoConnectionString_ExitsOne_WithOneCriticalLineAndNoStackTrace(string verb, string provider, string reason)
    {
        using var scratch = new WellbeingAppFactory();
        var start = PublishedApp.Process(DatabaseProvider.Sqlite, scratch.ConnectionString, [verb, "--email", "operator@employer.example"],
            new Dictionary<string, string?> { ["Database__Provider"] = provider, ["ConnectionStrings__Wellbeing"] = provider == "Postgres" ? null : scratch.ConnectionString });

        var (exitCode, output) = await PublishedApp.RunToEndAsync(start, "Blue-Harbour-42\n");

        Assert.True(exitCode == 1, output);
        Assert.Single(Regex.Matches(output, "crit: "));
        Assert.Contains(reason, output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public async Task ANodeInProduction_WithSeveralSettingsMissing_ExitsOne_NamingEveryOneInOneErrorWithoutAStackTrace()
    {
        using var scratch = new WellbeingAppFactory();
        var start = PublishedApp.Process(DatabaseProvider.Sqlite, scratch.ConnectionString, [],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = Environments.Production, ["Database__Provider"] = null, ["Email__PublicBaseUrl"] = null });

        var (exitCode, output) = await PublishedApp.RunToEndAsync(start);

        Assert.True(exitCode == 1, output);
        Assert.Single(Regex.Matches(output, "crit: "));
        Assert.Contains("Set Database:Provider", output);
        Assert.Contains("DataProtection:Certificate:Path", output);
        Assert.Contains(PartnerApiServices.SigningCertificateSetting, output);
        Assert.Contains("Email:PublicBaseUrl", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Development_WithoutDatabaseSettings_KeepsTheEmbeddedDefault()
    {
        var empty = new ConfigurationBuilder().Build();

        var failure = Record.Exception(() => DatabaseSettings.RequireExplicitOutsideDevelopment(empty, new NamedEnvironment(Environments.Development)));

        Assert.Null(failure);
    }

    public void Dispose() => _certificates.Dispose();
}
