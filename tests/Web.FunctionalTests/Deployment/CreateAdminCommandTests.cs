using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Accounts;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Deployment;

/// <summary>
/// <c>create-admin</c> as an operator runs it on the published app against an empty database, with the password on
/// standard input as automation gives it, then signs in with the account in the browser.
/// </summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private const string Email = "operator@employer.example";
    private const string StrongPassword = "Blue-Harbour-42";

    // The app's own scratch database: a node without demo data, which the commands and a web node share.
    private readonly WellbeingAppFactory _app = new() { DemoDataEnabled = false };

    [Fact]
    public async Task CreateAdmin_WithAStrongPasswordOnStandardInput_CreatesAnAdministrator_WhoSignsIn()
    {
        var (exitCode, output) = await CreateAdminAsync(StrongPassword + "\n", "--email", Email);
        var browser = BrowserlessClient.For(_app);
        var signIn = await browser.SignInAsync(Email, StrongPassword);
        var (status, _) = await browser.GetAsync("/admin");

        Assert.True(exitCode == 0, output);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(Email));
        Assert.DoesNotContain(StrongPassword, output);
        Assert.DoesNotContain(Email, output);
    }

    [Fact]
    public async Task CreateAdmin_WithAWeakPassword_ExitsOne_NamingTheRules_AndCreatesNothing()
    {
        var (exitCode, output) = await CreateAdminAsync("password\n", "--email", Email);

        Assert.True(exitCode == 1, output);
        Assert.Contains("Passwords must have at least one digit", output);
        Assert.Contains("No administrator was created.", output);
        Assert.Equal(0, await _app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateAdmin_ForAnAddressInUse_InAnyCase_ExitsOne_SayingSo_AndChangesNothing()
    {
        var first = await CreateAdminAsync(StrongPassword + "\n", "--email", Email);
        var hash = await _app.QueryAsync(db => db.Users.Select(u => u.PasswordHash).SingleAsync());

        var (exitCode, output) = await CreateAdminAsync("Other-Harbour-43\n", $"--email={Email.ToUpperInvariant()}");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(exitCode == 1, output);
        Assert.Contains(AccountRegistrations.AddressInUse, output);
        Assert.Equal(hash, await _app.QueryAsync(db => db.Users.Select(u => u.PasswordHash).SingleAsync()));
    }

    /// <summary>Only the argument names the address: an EMAIL variable, which many machines set for other tools, does not.</summary>
    [Fact]
    public async Task CreateAdmin_WithoutAnEmailArgument_ExitsOne_SayingHowToNameIt_EvenWithAnEmailVariable()
    {
        var start = PublishedApp.Process(DatabaseProvider.Sqlite, _app.ConnectionString, [CreateAdminCommand.Verb],
            new Dictionary<string, string?> { ["EMAIL"] = Email });

        var (exitCode, output) = await PublishedApp.RunToEndAsync(start, StrongPassword + "\n");

        Assert.True(exitCode == 1, output);
        Assert.Contains("create-admin --email", output);
        Assert.Equal(0, await _app.QueryAsync(db => db.Users.CountAsync()));
    }

    public void Dispose() => _app.Dispose();

    private Task<(int ExitCode, string Output)> CreateAdminAsync(string input, params string[] arguments) =>
        PublishedApp.RunToEndAsync(PublishedApp.Process(DatabaseProvider.Sqlite, _app.ConnectionString, [CreateAdminCommand.Verb, .. arguments]), input);

    private Task<List<string>> RolesOfAsync(string email) =>
        _app.QueryAsync(db => (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.Email == email
            select role.Name!).ToListAsync());
}
