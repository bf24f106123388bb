using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// The issue's attack on the administrator's people pages: an HR manager who knows who was deactivated, reactivated or
/// moved (on the members page, or by an HR file's import that matches members by e-mail or id and brings them back) saves every view (page, export and API, for the hub and each department) before and after, and subtracts.
/// Random sequences of those changes, made by an administrator over HTTP between answers in the open month, must leave
/// every published view exactly as it was; when the month closes, the next reading differs from the last only by that
/// month's new block (every earlier block, row and API block identical), and in every period the hub minus its shown
/// departments is none or at least k. So the difference of any two saved views is either nothing or one whole block
/// that passed the rules on its own. The property test over thousands of simulated histories with the same changes is
/// AttackerPropertyTests (Application.FunctionalTests); this one drives the real pages, database and publication.
/// </summary>
public sealed class PeopleChangesAttackTests : IDisposable
{
    private static readonly string?[] Departments = ["Sales", "Ops", "Finance", "Legal", "Research", null];

    private readonly FakeTimeProvider _clock = AppClock.StartingNow();
    private readonly WellbeingAppFactory _factory;

    public PeopleChangesAttackTests() => _factory = new WellbeingAppFactory { Clock = _clock };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomDeactivationsReactivationsAndMoves_LeaveEveryPublishedViewAsItWas_AndEachNewMonthIsOneBlockThatPassesTheRules(int seed)
    {
        var random = new Random(seed);
        var scenario = await HubScenario.CreateAsync(_factory, $"People{seed}");
        var earlier = scenario.LastClosedMonth.Start.AddDays(-14);
        List<Guid> members =
        [
            .. await scenario.AddMembersAsync("Sales", 12, i => [i % 2 == 0 ? 40 : 80]),
            .. await scenario.AddMembersAsync("Ops", 10, i => [i % 2 == 0 ? 20 : 60], lastAt: earlier),
            .. await scenario.AddMembersAsync("Finance", 6, i => [i % 3 == 0 ? 28 : 64]),
            .. await scenario.AddMembersAsync("Legal", 4, i => [i % 2 == 0 ? 20 : 80]),
            .. await scenario.AddMembersAsync(null, 2, _ => [48]),
        ];
        await scenario.PublishAsync();
        var partner = await _factory.RegisterPartnerAsync(scenario.HubId);
        Task<HrViews> ReadAsync() => HrViews.ReadAsync(_factory, scenario.HubId, scenario.HrEmail, partner.ClientId, partner.ClientSecret);
        var admin = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator);
        var before = await ReadAsync();
        Assert.NotEmpty(before.Periods);

        for (var round = 0; round < 2; round++)
        {
            var changes = new List<string>();
            for (var step = 0; step < 12; step++)
            {
                var member = members[random.Next(members.Count)];
                changes.Add(await ChangeAsync(admin, scenario.HubId, member, random));
                if (random.Next(2) == 0)
                {
                    await scenario.SubmitAsync(member, 4 * random.Next(0, 26));
                }
            }

            var month = scenario.OpenMonth;
            Assert.Empty(await scenario.PublishAsync());
            var meanwhile = await ReadAsync();
            Assert.True(before.All().SequenceEqual(meanwhile.All()), $"seed {seed}, round {round}: a published view changed after {string.Join(", ", changes)}");

            _clock.SetUtcNow(month.End + ReportingPeriod.Grace);
            var outcome = Assert.Single(await scenario.PublishAsync());
            var after = await ReadAsync();

            Assert.Equal((month.Key, PublicationResult.Published), (outcome.Period, outcome.Result));
            before.AssertUnchangedIn(after, month.Key);
            foreach (var period in after.Periods)
            {
                after.AssertComplementsAreNoneOrAtLeastK(period);
            }

            before = after;

            // A month has passed on the app's clock: the administrator's sign-in (14 days at most) has ended, as it would.
            admin = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator);
        }
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// A partial import of an HR file naming the member and everyone deactivated, each in a department of the file's:
    /// members enrolled without an external id are matched by e-mail the first time and get the file's id, by that id
    /// afterwards; every one of them comes back active.
    /// </summary>
    private async Task<HttpStatusCode> ImportAsync(BrowserlessClient admin, Guid hubId, Guid member, Random random)
    {
        var named = await _factory.QueryAsync(db => db.Members.Where(m => m.HubId == hubId && (m.Id == member || m.DeactivatedAt != null)).Select(m => new { m.Id, m.Email }).ToListAsync());
        var file = new StringBuilder("external_id,email,name,department\n");
        foreach (var person in named)
        {
            file.Append(CultureInfo.InvariantCulture, $"X-{person.Id},{person.Email},Person,{Departments[random.Next(Departments.Length)]}\n");
        }

        var upload = await admin.UploadMembersAsync(hubId, "hr.csv", Encoding.UTF8.GetBytes(file.ToString()));
        var summary = await admin.ConfirmAndWaitAsync(upload.Headers.Location!.OriginalString);
        Assert.Contains("Completed", summary);
        Assert.Equal(0, MemberImportUploads.ImportCount(summary, "rejected"));
        var ids = named.Select(n => n.Id).ToList();
        Assert.Equal(0, await _factory.QueryAsync(db => db.Members.CountAsync(m => ids.Contains(m.Id) && m.DeactivatedAt != null)));
        return upload.StatusCode;
    }

    /// <summary>
    /// One change as the administrator makes it on the members page (with htmx or without): deactivate, reactivate or
    /// move; or a member import.
    /// </summary>
    private async Task<string> ChangeAsync(BrowserlessClient admin, Guid hubId, Guid member, Random random)
    {
        var list = $"/admin/hubs/{hubId}/members?status=All";
        var htmx = random.Next(2) == 0;
        var (status, _, _) = random.Next(4) switch
        {
            0 => await admin.PostAsync(list, $"/admin/hubs/{hubId}/members/{member}/active", new() { ["active"] = "false" }, htmx),
            1 => await admin.PostAsync(list, $"/admin/hubs/{hubId}/members/{member}/active", new() { ["active"] = "true" }, htmx),
            2 => await admin.PostAsync(list, $"/admin/hubs/{hubId}/members/{member}/department", new() { ["Department"] = Departments[random.Next(Departments.Length)] ?? string.Empty }, htmx),
            _ => (await ImportAsync(admin, hubId, member, random), string.Empty, (Uri?)null),
        };

        Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Redirect });
        var stored = await _factory.QueryAsync(db => db.Members.Where(m => m.Id == member).Select(m => new { m.Department, Active = m.DeactivatedAt == null }).SingleAsync());
        return $"{member.ToString()[..8]}: {(stored.Active ? "active" : "inactive")} in {stored.Department ?? "no department"}";
    }
}
