using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// A small hub built for one attack: departments of chosen sizes, Wellbeing Index scores of chosen values and an HR
/// manager who knows exactly who is in it. Scores are multiples of 20 (every WHO-5 item answered the same).
/// </summary>
public sealed class HubScenario(WellbeingAppFactory factory, Hub hub, string hrEmail)
{
    public Guid HubId => hub.Id;

    public string HrEmail => hrEmail;

    public static async Task<HubScenario> CreateAsync(WellbeingAppFactory factory, string name)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var slug = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];
        var hub = new Hub(name, slug, "UTC", DateTimeOffset.UtcNow.AddMonths(-3));
        db.Hubs.Add(hub);
        await db.SaveChangesAsync();

        var email = $"hr-{slug}@scenario.test";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Scenario HR", HrHubId = hub.Id };
        Check(await users.CreateAsync(user, DemoHub.Password));
        Check(await users.AddToRoleAsync(user, Roles.HrManager));
        return new HubScenario(factory, hub, email);
    }

    /// <summary>Enrols members in a department; each answers once per given score, two weeks apart, the last one yesterday.</summary>
    /// <summary>
    /// A published hub with two large departments, Legal with k-1 = 4 respondents and Empty with 4 members who never
    /// answered: a small department must read exactly like an empty one (and like an unknown "Nobody").
    /// </summary>
    public static async Task<HubScenario> WithASmallAndAnEmptyDepartmentAsync(WellbeingAppFactory factory, string name)
    {
        var scenario = await CreateAsync(factory, name);
        await scenario.AddMembersAsync("Sales", 12, 60);
        await scenario.AddMembersAsync("Ops", 12, 40);
        await scenario.AddMembersAsync("Legal", 4, 20);
        await scenario.AddMembersAsync("Empty", 4);
        await scenario.PublishAsync();
        return scenario;
    }

    public async Task<IReadOnlyList<Guid>> AddMembersAsync(string? department, int count, params int[] scores) =>
        await AddMembersAsync(department, count, _ => scores);

    public async Task<IReadOnlyList<Guid>> AddMembersAsync(string? department, int count, Func<int, int[]> scoresOf, DateTimeOffset? lastAt = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var member = new Member(hub.Id, $"Person {i}", $"p{i}-{Guid.NewGuid():N}@scenario.test", hub.CreatedAt, department);
            db.Members.Add(member);
            ids.Add(member.Id);
            AddSubmissions(scope.ServiceProvider, db, member.Id, scoresOf(i), lastAt ?? DateTimeOffset.UtcNow.AddDays(-1));
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>One more Wellbeing Index submission by someone already enrolled, made just now.</summary>
    public async Task SubmitAsync(Guid memberId, int score)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        AddSubmissions(scope.ServiceProvider, db, memberId, [score], DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the publication for this hub, as the hourly job would: every closed, unpublished period.</summary>
    public async Task<IReadOnlyList<PublicationOutcome>> PublishAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>().Handle(new PublishClosedPeriodsCommand(hub.Id), CancellationToken.None);
    }

    public async Task<BrowserlessClient> SignInAsync() => await BrowserlessClient.SignedInAsync(factory, hrEmail);

    public Task<int> BlockCountAsync() => factory.QueryAsync(db => db.PeriodBlocks.CountAsync(b => b.HubId == hub.Id));

    /// <summary>The page with what legitimately differs between two scenario hubs (name, id, time) taken out.</summary>
    public string Normalise(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(hub.Name, "HUB").Replace(hub.Id.ToString(), "ID"), "As of <strong>[^<]*</strong>", "As of");

    private void AddSubmissions(IServiceProvider services, WellbeingDbContext db, Guid memberId, IReadOnlyList<int> scores, DateTimeOffset last)
    {
        var survey = services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
        for (var s = 0; s < scores.Count; s++)
        {
            var answer = scores[s] / 20;
            var answers = survey.Items.ToDictionary(item => item.Id, _ => (int?)answer);
            db.Submissions.Add(Submission.ForWellbeing(hub.Id, memberId, survey, answers, last.AddDays(-14 * (scores.Count - 1 - s))));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
