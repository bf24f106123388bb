using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// Every way a hub's people change after their figures were published (an account deleted, a department changed in
/// the HRIS, a member deactivated, an answer saved late into a published month) leaves every published block as HR
/// and partner systems read it: nothing to subtract. On the demo hub, with an app clock the test moves.
/// </summary>
public sealed class LeavingTheProgrammeTests : IDisposable
{
    private readonly FakeTimeProvider _clock = AppClock.StartingNow();
    private readonly WellbeingAppFactory _factory;

    public LeavingTheProgrammeTests() => _factory = new WellbeingAppFactory { Clock = _clock };

    [Fact]
    public async Task DeletionMoveDeactivationAndALateAnswer_BetweenTwoPublications_LeaveEveryPublishedBlockAsItWas()
    {
        var northwind = await _factory.HubIdAsync(DemoHub.Slug);
        var zone = await _factory.QueryAsync(db => db.Hubs.Where(h => h.Id == northwind).Select(h => h.TimeZoneId).SingleAsync());
        var month = ReportingPeriod.Containing(_clock.GetUtcNow(), ReportingPeriodLength.Month, zone);
        var before = await ReadAsync(northwind);
        Assert.NotEmpty(before.Periods);

        await DeleteAccountAsync(DemoHub.Client(3));
        await MoveAsync(DemoHub.Client(4), "Engineering");
        await _factory.ChangeAsync(async db => (await db.Members.AsTracking().SingleAsync(m => m.Email == DemoHub.Client(5))).Deactivate(_clock.GetUtcNow()));
        await AnswerLateAsync(DemoHub.Client(6), month.Start.AddMinutes(-1));
        var nothingClosed = await PublishAsync(northwind);
        var meanwhile = await ReadAsync(northwind);

        Assert.Empty(nothingClosed);
        Assert.Equal(before.All(), meanwhile.All());

        _clock.SetUtcNow(month.End + ReportingPeriod.Grace);
        var outcome = Assert.Single(await PublishAsync(northwind));
        var after = await ReadAsync(northwind);

        Assert.Equal((month.Key, PublicationResult.Published), (outcome.Period, outcome.Result));
        before.AssertUnchangedIn(after, month.Key);
    }

    public void Dispose() => _factory.Dispose();

    private Task<HrViews> ReadAsync(Guid hubId) =>
        HrViews.ReadAsync(_factory, hubId, DemoHub.HrManager, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

    private async Task<IReadOnlyList<PublicationOutcome>> PublishAsync(Guid hubId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>().Handle(new PublishClosedPeriodsCommand(hubId), CancellationToken.None);
    }

    /// <summary>The client deletes their account from "My data", as they would.</summary>
    private async Task DeleteAccountAsync(string email)
    {
        var client = await BrowserlessClient.SignedInAsync(_factory, email);
        var response = await client.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Members.CountAsync(m => m.Email == email)));
    }

    /// <summary>The HRIS moves a member to another department; there is no use case for it yet, so the row changes as an import would change it.</summary>
    private async Task MoveAsync(string email, string department)
    {
        var moved = await _factory.QueryAsync(db => db.Members.Where(m => m.Email == email).ExecuteUpdateAsync(m => m.SetProperty(x => x.Department, department)));
        Assert.Equal(1, moved);
    }

    /// <summary>An answer dated just before the open month, in a month already published, saved only now.</summary>
    private Task AnswerLateAsync(string email, DateTimeOffset at) =>
        _factory.ChangeAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var survey = _factory.Services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
            db.Submissions.Add(Submission.ForWellbeing(member.HubId, member.Id, survey, survey.Items.ToDictionary(i => i.Id, _ => (int?)0), at));
        });
}
