using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>Someone with write access to the database changes the log behind the app's back: the verify command and the admin page's action find where.</summary>
public sealed class AuditTamperingTests : IDisposable
{
    private readonly WellbeingAppFactory _factory = AuditedApp.New();

    [Fact]
    public async Task EditedRow_IsFound_ByTheCommandAndThePage()
    {
        var browser = BrowserlessClient.For(_factory);
        for (var i = 0; i < 3; i++)
        {
            await browser.SignInAsync(DemoHub.Client(1), "wrong");
        }

        var admin = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator);
        var (intactCode, intactOutput) = await VerifyCommandAsync();
        var second = (await _factory.OfAsync(AuditAction.SignInFailed))[1].Sequence;

        // An insider hides whose attempt it was.
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET UserId = NULL WHERE Sequence = {second}"));

        var (brokenCode, brokenOutput) = await VerifyCommandAsync();
        await admin.PostFormAsync("/admin/audit", "/admin/audit/verify", []);
        var (_, page) = await admin.GetAsync("/admin/audit");

        Assert.Equal((VerifyAuditCommand.Intact, true), (intactCode, intactOutput.Contains("The audit log is intact", StringComparison.Ordinal)));
        Assert.Equal(VerifyAuditCommand.Broken, brokenCode);
        Assert.Contains($"First broken entry: {second + 1}.", brokenOutput);
        Assert.Contains($"First broken entry: {second + 1}.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task DeletedRow_IsFound_ByTheCommand()
    {
        var browser = BrowserlessClient.For(_factory);
        for (var i = 0; i < 3; i++)
        {
            await browser.SignInAsync(DemoHub.Client(1), "wrong");
        }

        var second = (await _factory.OfAsync(AuditAction.SignInFailed))[1].Sequence;
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence = {second}"));

        var (code, output) = await VerifyCommandAsync();

        Assert.Equal(VerifyAuditCommand.Broken, code);
        Assert.Contains($"First broken entry: {second + 1}.", output);
    }

    [Fact]
    public async Task ThrottledAttempts_AreRecorded_AsRefused()
    {
        await using var factory = new WellbeingAppFactory { Settings = { ["SignIn:Throttle:Burst"] = "1", ["SignIn:Throttle:SecondsPerAttempt"] = "600" } };
        var browser = BrowserlessClient.For(factory);

        await browser.SignInAsync(DemoHub.Client(1), "wrong");
        var throttled = await browser.SignInAsync(DemoHub.Client(1), "wrong");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var entry = Assert.Single(await factory.OfAsync(AuditAction.SignInThrottled));
        Assert.Equal(AuditOutcome.Refused, entry.Outcome);
        Assert.Null(entry.UserId);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The verb as an operator runs it, in this process, against the app's database.</summary>
    private async Task<(int ExitCode, string Output)> VerifyCommandAsync()
    {
        var builder = WebApplication.CreateBuilder([
            VerifyAuditCommand.Verb, "--environment", WellbeingAppFactory.EnvironmentName,
            "--Database:Provider", _factory.DatabaseProvider.ToString(), "--ConnectionStrings:Wellbeing", _factory.ConnectionString,
        ]);
        var output = new StringWriter();
        return (await VerifyAuditCommand.RunAsync(builder, output), output.ToString());
    }
}
