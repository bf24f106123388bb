using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

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

    [Fact]
    public void Development_WithoutDatabaseSettings_KeepsTheEmbeddedDefault()
    {
        var empty = new ConfigurationBuilder().Build();

        var failure = Record.Exception(() => DatabaseSettings.RequireExplicitOutsideDevelopment(empty, new NamedEnvironment(Environments.Development)));

        Assert.Null(failure);
    }

    public void Dispose() => _certificates.Dispose();
}
