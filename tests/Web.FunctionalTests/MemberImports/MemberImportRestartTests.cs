using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.MemberImports;

/// <summary>
/// The embedded setup (SQLite, Hangfire's queue in memory) restarted between an administrator's confirmation and the
/// import's job: the new process finds the import "Importing" with nothing queued, and must write it.
/// </summary>
public sealed class MemberImportRestartTests
{
    [Fact]
    public async Task AConfirmedImportWhoseQueueWasLost_IsWrittenOnceAHostStartsOnTheSameDatabase()
    {
        using var first = new WellbeingAppFactory { TestServices = services => services.AddScoped<IMemberImportJobs, LostQueue>() };
        var scenario = await HubScenario.CreateAsync(first, "restart");
        var admin = await BrowserlessClient.SignedInAsync(first, DemoHub.Administrator);
        var content = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "MemberImports", "Csv", "comma.csv"));
        var importPage = (await admin.UploadMembersAsync(scenario.HubId, "comma.csv", content)).Headers.Location!.OriginalString;
        await admin.ConfirmImportAsync(importPage);
        Assert.Contains("Importing", await admin.WaitForImportAsync(importPage, seconds: 2));

        using var second = new WellbeingAppFactory { ConnectionString = first.ConnectionString, DemoDataEnabled = false };
        var summary = await (await BrowserlessClient.SignedInAsync(second, DemoHub.Administrator)).WaitForImportAsync(importPage);

        Assert.Contains("Completed", summary);
        Assert.Equal(3, MemberImportUploads.ImportCount(summary, "created"));
        Assert.Equal(3, await second.QueryAsync(db => db.Members.CountAsync(m => m.HubId == scenario.HubId && m.ExternalId != null)));
        Assert.Equal(MemberImportStatus.Completed, await second.QueryAsync(db => db.MemberImports.Where(i => i.HubId == scenario.HubId).Select(i => i.Status).SingleAsync()));
    }

    /// <summary>What a restart leaves of the in-memory queue: the confirmation is saved, its job is gone.</summary>
    private sealed class LostQueue : IMemberImportJobs
    {
        public string Enqueue(Guid importId) => string.Empty;
    }
}
