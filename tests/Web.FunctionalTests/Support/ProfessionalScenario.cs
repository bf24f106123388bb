using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// A professional of their own in hubs of their own (UTC), with clients who do or do not share their alliance
/// ratings: for attacks on "My alliance score", where the test must know exactly who was invited and who answered.
/// Every time is the app's clock, so a test moves months to their close with the factory's FakeTimeProvider.
/// Every client has an account (the demo password), so they can answer or delete it over HTTP.
/// </summary>
public sealed class ProfessionalScenario
{
    private readonly WellbeingAppFactory _factory;
    private readonly string _passwordHash;
    private readonly List<Guid> _hubIds;

    private ProfessionalScenario(WellbeingAppFactory factory, Guid professionalId, string email, List<Guid> hubIds, string passwordHash)
    {
        _factory = factory;
        ProfessionalId = professionalId;
        Email = email;
        _hubIds = hubIds;
        _passwordHash = passwordHash;
    }

    public Guid ProfessionalId { get; }

    public string Email { get; }

    public DateTimeOffset Now => _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A professional working in one new hub per given k (invitations open for the given number of days in each).</summary>
    public static async Task<ProfessionalScenario> CreateAsync(WellbeingAppFactory factory, params (int K, int InvitationExpiryDays)[] hubs)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var professional = new Professional("Scenario Professional", $"pro-{tag}@scenario.test", "Psychologist");
        var hubIds = new List<Guid>();
        foreach (var (k, expiry) in hubs)
        {
            var hub = new Hub("Scenario hub", "Scenario organisation", $"hub-{tag}-{hubIds.Count}", "UTC", now.AddMonths(-3));
            hub.ChangeSettings(hub.Settings.WithPrivacy(k, Math.Max(k, 10)).WithCadences(hub.Settings.ReminderCadenceDays, AllianceCadence.EverySession, expiry));
            db.Hubs.Add(hub);
            professional.JoinHub(hub.Id, hub.CreatedAt);
            hubIds.Add(hub.Id);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var passwordHash = users.PasswordHasher.HashPassword(new ApplicationUser(), DemoHub.Password);
        professional.LinkAccount(await AddAccountAsync(users, professional.Email, Roles.Professional, passwordHash));
        db.Professionals.Add(professional);
        await db.SaveChangesAsync();
        return new ProfessionalScenario(factory, professional.Id, professional.Email, hubIds, passwordHash);
    }

    /// <summary>Clients of the professional in the first hub; those who share alliance have shared it since enrolling.</summary>
    public async Task<IReadOnlyList<ScenarioClient>> AddClientsAsync(int count, bool sharesAlliance)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var hub = await db.Hubs.SingleAsync(h => h.Id == _hubIds[0]);
        var clients = new List<ScenarioClient>();
        for (var i = 0; i < count; i++)
        {
            var email = $"client-{Guid.NewGuid():N}@scenario.test";
            var member = new Member(hub.Id, $"Client {clients.Count}", email, hub.CreatedAt);
            member.LinkAccount(await AddAccountAsync(users, email, Roles.Client, _passwordHash));
            db.Members.Add(member);
            db.ClientConnections.Add(new ClientConnection(hub.Id, member.Id, ProfessionalId, hub.CreatedAt));
            if (sharesAlliance)
            {
                db.ShareGrants.Add(new ShareGrant(hub.Id, member.Id, ProfessionalId, Measure.Alliance, hub.CreatedAt));
            }

            clients.Add(new ScenarioClient(member.Id, email));
        }

        await db.SaveChangesAsync();
        return clients;
    }

    /// <summary>Each client's next session with the professional ends now, which opens its alliance invitation.</summary>
    public async Task InviteAsync(IEnumerable<ScenarioClient> clients)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var hub = await db.Hubs.SingleAsync(h => h.Id == _hubIds[0]);
        foreach (var client in clients)
        {
            var sequence = await db.CareSessions.CountAsync(s => s.MemberId == client.MemberId && s.ProfessionalId == ProfessionalId) + 1;
            var session = new CareSession(hub.Id, client.MemberId, ProfessionalId, Now.AddHours(-1), sequence);
            Assert.True(session.End(Now, hub.Settings, hub.TimeZoneId));
            db.CareSessions.Add(session);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Each client answers their latest open invitation now, every statement with the same value (1-7).</summary>
    public async Task RateAsync(IEnumerable<ScenarioClient> clients, int everyAnswer)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var survey = scope.ServiceProvider.GetRequiredService<ISurveyCatalogue>().Current(Measure.Alliance);
        foreach (var client in clients)
        {
            var session = await db.CareSessions.AsTracking()
                .Where(s => s.MemberId == client.MemberId && s.ProfessionalId == ProfessionalId && s.AllianceSubmissionId == null && s.InvitationOpenedAt != null)
                .OrderByDescending(s => s.SequenceNumber)
                .FirstAsync();
            var rating = Submission.ForAlliance(session.HubId, client.MemberId, survey, survey.Items.ToDictionary(i => i.Id, _ => (int?)everyAnswer), Now, ProfessionalId, session.Id);
            session.RecordAllianceSubmission(rating.Id, Now);
            db.Submissions.Add(rating);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Runs the publication of alliance months, as the hourly job does.</summary>
    public async Task<IReadOnlyList<AllianceScoreOutcome>> PublishAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishAllianceScoresHandler>().Handle(new PublishAllianceScoresCommand(), CancellationToken.None);
    }

    public Task<BrowserlessClient> SignInAsync() => BrowserlessClient.SignedInAsync(_factory, Email);

    public Task<List<AlliancePeriodScore>> PublishedAsync() =>
        _factory.QueryAsync(db => db.AlliancePeriodScores.Where(s => s.ProfessionalId == ProfessionalId).OrderBy(s => s.PeriodStart).ToListAsync());

    private static async Task<string> AddAccountAsync(UserManager<ApplicationUser> users, string email, string role, string passwordHash)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, PasswordHash = passwordHash };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record ScenarioClient(Guid MemberId, string Email);
