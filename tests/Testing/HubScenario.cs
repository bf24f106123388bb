using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Xunit;

namespace Wellbeing.Testing;

/// <summary>
/// A small hub built for one attack: departments of chosen sizes, Wellbeing Index scores of chosen values and an HR
/// manager who knows exactly who is in it. The hub reports per calendar month in UTC and was created three months
/// before the app's clock (a <c>FakeTimeProvider</c> where the test gave the app one). Scores are multiples of 4
/// (the WHO-5's raw 0-25 times four).
/// </summary>
public sealed class HubScenario(WellbeingAppFactory factory, Hub hub, string hrEmail)
{
    private const string TimeZone = "UTC";

    public Guid HubId => hub.Id;

    public string HrEmail => hrEmail;

    /// <summary>The month the app's clock is in now: answers given in it are published only once it has closed.</summary>
    public ReportingPeriod OpenMonth => ReportingPeriod.Containing(Now, ReportingPeriodLength.Month, TimeZone);

    /// <summary>Every month since the hub was created that has closed (its grace included): what a publication run publishes.</summary>
    public IReadOnlyList<ReportingPeriod> ClosedMonths => ReportingPeriod.ClosedSince(hub.CreatedAt, Now, ReportingPeriodLength.Month, TimeZone);

    /// <summary>The latest of <see cref="ClosedMonths"/>.</summary>
    public ReportingPeriod LastClosedMonth => ClosedMonths[^1];

    private DateTimeOffset Now => (factory.Clock ?? TimeProvider.System).GetUtcNow();

    /// <param name="licensed">
    /// Whether an administrator recorded the hub's permission for every loaded instrument that needs one (the WHO-5), as
    /// for the demo's hubs: without it the hub's clients get no Wellbeing Index form and no reminders.
    /// </param>
    public static async Task<HubScenario> CreateAsync(WellbeingAppFactory factory, string name, bool licensed = true)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var slug = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
        var now = (factory.Clock ?? TimeProvider.System).GetUtcNow();
        var hub = new Hub(name, name, slug, TimeZone, now.AddMonths(-3));
        db.Hubs.Add(hub);
        if (licensed)
        {
            var needingPermission = scope.ServiceProvider.GetRequiredService<ISurveyCatalogue>().All.Where(s => s.Licence.NeedsPermission).DistinctBy(s => s.Key);
            db.InstrumentLicences.AddRange(needingPermission.Select(s => new InstrumentLicence(hub.Id, s, "scenario-admin", "Scenario administrator", now, "Test scenario: no real permission is held.")));
        }

        await db.SaveChangesAsync();

        var email = $"hr-{slug}@scenario.test";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Scenario HR", HrHubId = hub.Id };
        Check(await users.CreateAsync(user, DemoHub.Password));
        Check(await users.AddToRoleAsync(user, Roles.HrManager));
        return new HubScenario(factory, hub, email);
    }

    /// <summary>Enrols members in a department; each answers once per given score (see the other overload).</summary>
    public async Task<IReadOnlyList<Guid>> AddMembersAsync(string? department, int count, params int[] scores) =>
        await AddMembersAsync(department, count, _ => scores);

    /// <summary>
    /// Enrols <paramref name="count"/> members in a department (null: none); member i answers once per score of
    /// <paramref name="scoresOf"/>(i), two weeks apart, the last one at <paramref name="lastAt"/>: by default the middle
    /// of <see cref="LastClosedMonth"/>, so the next publication shows it.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AddMembersAsync(string? department, int count, Func<int, int[]> scoresOf, DateTimeOffset? lastAt = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var last = lastAt ?? LastClosedMonth.Start.AddDays(14);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var member = new Member(hub.Id, $"Person {i}", $"p{i}-{Guid.NewGuid():N}@scenario.test", hub.CreatedAt, department);
            db.Members.Add(member);
            ids.Add(member.Id);
            var scores = scoresOf(i);
            for (var s = 0; s < scores.Length; s++)
            {
                AddSubmission(scope.ServiceProvider, db, member.Id, scores[s], last.AddDays(-14 * (scores.Length - 1 - s)));
            }
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>One more Wellbeing Index submission by someone already enrolled, made now by the app's clock (in <see cref="OpenMonth"/>) unless <paramref name="at"/> says otherwise.</summary>
    public async Task SubmitAsync(Guid memberId, int score, DateTimeOffset? at = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        AddSubmission(scope.ServiceProvider, db, memberId, score, at ?? Now);
        await db.SaveChangesAsync();
    }

    /// <summary>Gives a member a client account with the demo password, so they can sign in as a person would; returns its e-mail.</summary>
    public async Task<string> OpenClientAccountAsync(Guid memberId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var member = await db.Members.AsTracking().SingleAsync(m => m.Id == memberId);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = member.Email, Email = member.Email, EmailConfirmed = true, DisplayName = member.DisplayName };
        Check(await users.CreateAsync(user, DemoHub.Password));
        Check(await users.AddToRoleAsync(user, Roles.Client));
        member.LinkAccount(user.Id);
        await db.SaveChangesAsync();
        return member.Email;
    }

    /// <summary>Moves a member to another department straight in the database, as an older test history needs; the members page and the CSV import do it through their use cases (ChangeMemberDepartment, the member import job).</summary>
    public async Task MoveAsync(Guid memberId, string department) =>
        Assert.Equal(1, await factory.QueryAsync(db => db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(m => m.SetProperty(x => x.Department, department))));

    /// <summary>The member stops taking part: deactivated now, by the app's clock.</summary>
    public Task DeactivateAsync(Guid memberId) =>
        factory.ChangeAsync(async db => (await db.Members.AsTracking().SingleAsync(m => m.Id == memberId)).Deactivate(Now));

    /// <summary>Runs the publication for this hub, as the hourly job would: every closed, unpublished period.</summary>
    public async Task<IReadOnlyList<PublicationOutcome>> PublishAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>().Handle(new PublishClosedPeriodsCommand(hub.Id), CancellationToken.None);
    }

    public Task<int> BlockCountAsync() => factory.QueryAsync(db => db.PeriodBlocks.CountAsync(b => b.HubId == hub.Id));

    /// <summary>A Wellbeing Index whose answers add up to a quarter of <paramref name="score"/>, spread as evenly as the items allow.</summary>
    private void AddSubmission(IServiceProvider services, WellbeingDbContext db, Guid memberId, int score, DateTimeOffset at)
    {
        if (score % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A Wellbeing Index score is four times the raw sum of its answers.");
        }

        var survey = services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
        var raw = score / 4;
        var answers = survey.Items.Select((item, i) => (item.Id, Answer: raw / survey.Items.Count + (i < raw % survey.Items.Count ? 1 : 0)))
            .ToDictionary(a => a.Id, a => (int?)a.Answer);
        db.Submissions.Add(Submission.ForWellbeing(hub.Id, memberId, survey, answers, at));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
