using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Databases;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Deployment;

/// <summary>
/// The data-protection key ring lives in the application's database, encrypted with the configured certificate: a
/// second node (or a redeployed container) accepts the first node's sign-in cookie and antiforgery token.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DataProtectionKeysTests(PostgresCluster cluster) : IDisposable
{
    private readonly DeploymentCertificates _certificates = new();

    [Fact]
    public async Task SignedInOnOneNode_AFormPostedToAnotherNode_IsAccepted_OnPostgres()
    {
        var database = await cluster.CreateDatabaseAsync($"two_nodes_dp_{Guid.NewGuid():N}");

        await SignInOnOneNode_PostOnTheOther(DatabaseProvider.Postgres, database);
    }

    [Fact]
    public async Task SignedInOnOneNode_AFormPostedToAnotherNode_IsAccepted_OnSqlite() =>
        await SignInOnOneNode_PostOnTheOther(DatabaseProvider.Sqlite, database: null);

    [Fact]
    public async Task TheKeysInTheDatabase_AreEncryptedWithTheCertificate()
    {
        await using var node = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, connectionString: null, seedsDemo: false);
        var browser = DeployedNodes.OneBrowser(node)[0];
        await browser.GetAsync("/account/login");

        var keys = await node.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        var key = Assert.Single(keys);
        Assert.Contains("<EncryptedData", key);
        Assert.Contains("<X509Certificate>", key);
        Assert.DoesNotContain("<masterKey", key);
    }

    /// <summary>A new certificate on the next release: the keys the old one encrypted stay readable through the previous-certificate setting.</summary>
    [Fact]
    public async Task ANodeWithANewCertificate_AndTheOldOneAsPrevious_AcceptsTheOldNodesSignIn()
    {
        await using var before = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, connectionString: null, seedsDemo: true);
        await using var after = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, before.ConnectionString, seedsDemo: false);
        foreach (var part in new[] { "Path", "Password" })
        {
            after.Settings[$"{DataProtectionKeys.PreviousCertificateSetting}:{part}"] = before.Settings[$"{DataProtectionKeys.CertificateSetting}:{part}"];
        }

        var browser = DeployedNodes.OneBrowser(before, after);
        await browser[0].SignInAsync(DemoHub.Client(6), DemoHub.Password);
        var (status, page) = await browser[1].GetAsync("/dashboard");

        Assert.NotEqual(before.Settings[$"{DataProtectionKeys.CertificateSetting}:Path"], after.Settings[$"{DataProtectionKeys.CertificateSetting}:Path"]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Wellbeing Index", page);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void OutsideDevelopment_WithoutTheCertificate_TheAppRefusesToStart_NamingTheSettings(string environment)
    {
        using var node = new WellbeingAppFactory { Environment = environment };
        foreach (var (key, value) in _certificates.Settings().Where(s => !s.Key.StartsWith(DataProtectionKeys.CertificateSetting, StringComparison.Ordinal)))
        {
            node.Settings[key] = value;
        }

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains($"{DataProtectionKeys.CertificateSetting}:Path", error.ToString());
        Assert.Contains($"{DataProtectionKeys.CertificateSetting}:Thumbprint", error.ToString());
    }

    public void Dispose() => _certificates.Dispose();

    /// <param name="database">The database both nodes use; null for the first node's own SQLite file.</param>
    private async Task SignInOnOneNode_PostOnTheOther(DatabaseProvider provider, string? database)
    {
        var nodes = new DeployedNodes(_certificates);
        await using var first = nodes.Node(provider, database, seedsDemo: true);
        await using var second = nodes.Node(provider, first.ConnectionString, seedsDemo: false);
        var browser = DeployedNodes.OneBrowser(first, second);

        var signIn = await browser[0].SignInAsync(DemoHub.Client(5), DemoHub.Password);
        var (_, form) = await browser[0].GetAsync("/wellbeing");
        var fields = SurveyForms.HiddenFields(form).With(SurveyForms.ItemIds(form), 3, 3, 4, 4, 3);
        fields[Antiforgery.FieldName] = Antiforgery.TokenOf(form);
        var posted = await browser[1].Http.PostAsync("/wellbeing", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("<span class=\"number\">68</span>", await posted.Content.ReadAsStringAsync());

        // Both nodes use the one key the first made, from the database, not a key ring of their own elsewhere.
        Assert.Equal(1, await second.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}
