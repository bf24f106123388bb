using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Identity;

namespace Wellbeing.Infrastructure.Persistence.Seeding;

/// <summary>
/// Fills an empty database with a demo hub (Northwind, 40 clients, two professionals, six months of history) and a
/// small second hub (Fabrikam) so that every screen has something real to show and cross-hub refusals can be tried.
/// Deterministic: the same seed gives the same people and answers, relative to today.
/// </summary>
public sealed partial class DemoDataSeeder(
    WellbeingDbContext db, UserManager<ApplicationUser> users, ISurveyCatalogue catalogue, IPartnerClients partners, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private static readonly string[] Departments = ["Sales", "Engineering", "Operations", "Finance"];
    private static readonly string[] GivenNames = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara"];
    private static readonly string[] FamilyNames = ["Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nielsen"];

    private readonly Random _random = new(20261123);
    private string _passwordHash = string.Empty;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Hubs.AnyAsync(cancellationToken))
        {
            await SeedHubsAsync(cancellationToken);
            LogSeeded(DemoHub.ClientCount + DemoHub.OtherHubClientCount);
        }
        else
        {
            LogAlreadyThere();
        }

        // Also into a demo database seeded before the partner API existed, so the README's curl works after an update.
        await SeedPartnerClientAsync(cancellationToken);
        await SeedInstrumentLicencesAsync(cancellationToken);
    }

    private async Task SeedHubsAsync(CancellationToken cancellationToken)
    {
        // Hashing is deliberately slow; every demo account shares one password, so hash it once.
        _passwordHash = users.PasswordHasher.HashPassword(new ApplicationUser(), DemoHub.Password);
        var now = clock.GetUtcNow();
        var wellbeing = catalogue.Current(Measure.Wellbeing);
        var alliance = catalogue.Current(Measure.Alliance);

        var northwind = new Hub("Northwind Wellbeing Hub", "Northwind Traders", DemoHub.Slug, "Europe/London", now.AddMonths(-7));
        var fabrikam = new Hub("Fabrikam Care Hub", "Fabrikam, Inc.", DemoHub.OtherHubSlug, "Europe/Copenhagen", now.AddMonths(-7));

        // Around the clock in the demo, so the first start writes its reminder and invitation e-mails to the pickup
        // folder whatever the hour; Fabrikam keeps the default sending hours (08:00-20:00).
        var defaults = northwind.Settings;
        northwind.ChangeSettings(defaults.WithEmail(defaults.WellbeingFollowUpDays, defaults.AllianceReminderAfterDays, TimeOnly.MinValue, new TimeOnly(23, 59)));
        db.Hubs.AddRange(northwind, fabrikam);

        await AddAccountAsync(DemoHub.Administrator, "Alex Admin", Roles.Administrator);
        await AddAccountAsync(DemoHub.HrManager, "Hanna Holm", Roles.HrManager, northwind.Id);
        await AddAccountAsync(DemoHub.OtherHubHrManager, "Frederik Falk", Roles.HrManager, fabrikam.Id);

        var first = new Professional("Dr. Maria Lind", DemoHub.FirstProfessional, "Psychologist");
        var second = new Professional("Sam Okafor", DemoHub.SecondProfessional, "Coach");
        first.JoinHub(northwind.Id, northwind.CreatedAt);
        second.JoinHub(northwind.Id, northwind.CreatedAt);
        second.JoinHub(fabrikam.Id, fabrikam.CreatedAt);
        first.LinkAccount(await AddAccountAsync(DemoHub.FirstProfessional, first.DisplayName, Roles.Professional));
        second.LinkAccount(await AddAccountAsync(DemoHub.SecondProfessional, second.DisplayName, Roles.Professional));
        db.Professionals.AddRange(first, second);

        for (var n = 1; n <= DemoHub.ClientCount; n++)
        {
            // Odd clients see the psychologist, even ones the coach; every fifth sees both.
            var theirs = n % 5 == 0 ? new[] { first, second } : n % 2 == 1 ? [first] : new[] { second };
            await AddClientAsync(northwind, DemoHub.Client(n), n, theirs, wellbeing, alliance, now);
        }

        for (var n = 1; n <= DemoHub.OtherHubClientCount; n++)
        {
            await AddClientAsync(fabrikam, DemoHub.OtherHubClient(n), 100 + n, [second], wellbeing, alliance, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A partner system of Northwind with a fixed, published secret: demo data only, never in production.</summary>
    private async Task SeedPartnerClientAsync(CancellationToken cancellationToken)
    {
        var northwind = await db.Hubs.Where(h => h.Slug == DemoHub.Slug).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(cancellationToken);
        if (northwind is { } hubId && await partners.FindAsync(DemoHub.PartnerClientId, cancellationToken) is null)
        {
            await partners.AddAsync(new PartnerClient(DemoHub.PartnerClientId, "Northwind HR analytics (demo)", hubId, PartnerScopes.Names), DemoHub.PartnerClientSecret, cancellationToken);
            LogPartnerClientSeeded(DemoHub.PartnerClientId);
        }
    }

    /// <summary>
    /// Records, as the demo administrator, the licence of both demo hubs for every loaded instrument that needs
    /// permission (the WHO-5), so that their clients get the forms; also into a demo database seeded before licences were
    /// recorded. A real hub's administrator records its own.
    /// </summary>
    private async Task SeedInstrumentLicencesAsync(CancellationToken cancellationToken)
    {
        var admin = await users.FindByEmailAsync(DemoHub.Administrator);
        if (admin is null)
        {
            return;
        }

        string[] demoSlugs = [DemoHub.Slug, DemoHub.OtherHubSlug];
        var demoHubs = await db.Hubs.Where(h => demoSlugs.Contains(h.Slug)).Select(h => h.Id).ToListAsync(cancellationToken);
        var recorded = (await db.InstrumentLicences.Select(l => new { l.HubId, l.SurveyKey }).ToListAsync(cancellationToken))
            .Select(l => (l.HubId, l.SurveyKey)).ToHashSet();
        var needingPermission = catalogue.All.Where(s => s.Licence.NeedsPermission).DistinctBy(s => s.Key);
        foreach (var hubId in demoHubs)
        {
            foreach (var survey in needingPermission.Where(s => !recorded.Contains((hubId, s.Key))))
            {
                db.InstrumentLicences.Add(new InstrumentLicence(hubId, survey, admin.Id, admin.DisplayName, clock.GetUtcNow(), "Demo data: no real permission is held."));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // A Warning: demo accounts share a published password, and the demo partner a published secret.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data seeded: two hubs and {Clients} client accounts with the published demo password")]
    private partial void LogSeeded(int clients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is enabled and the database already holds hubs: nothing seeded")]
    private partial void LogAlreadyThere();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo partner system {ClientId} registered with the published demo secret")]
    private partial void LogPartnerClientSeeded(string clientId);

    private async Task AddClientAsync(Hub hub, string email, int number, IReadOnlyList<Professional> professionals, Survey wellbeing, Survey alliance, DateTimeOffset now)
    {
        var name = $"{GivenNames[number % GivenNames.Length]} {FamilyNames[(number / GivenNames.Length + number * 3) % FamilyNames.Length]}";
        var member = new Member(hub.Id, name, email, hub.CreatedAt.AddDays(_random.Next(0, 20)), Departments[number % Departments.Length], $"HR-{hub.Slug}-{number:D4}");
        member.LinkAccount(await AddAccountAsync(email, name, Roles.Client));
        db.Members.Add(member);

        AddWellbeingHistory(hub, member, number, wellbeing, now);
        foreach (var professional in professionals)
        {
            db.ClientConnections.Add(new ClientConnection(hub.Id, member.Id, professional.Id, member.EnrolledAt));
            AddSessions(hub, member, number, professional, alliance, now);

            // Most clients share their wellbeing; fewer share how the work together feels; some share nothing.
            if (number % 7 != 2)
            {
                db.ShareGrants.Add(new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Wellbeing, member.EnrolledAt.AddDays(1)));
            }

            if (number % 3 != 2)
            {
                db.ShareGrants.Add(new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Alliance, member.EnrolledAt.AddDays(1)));
            }
        }
    }

    /// <summary>
    /// Roughly every two weeks around a personal baseline, some people slowly improving and some declining, with
    /// the week-to-week noise real answers have; one in ten never responds.
    /// </summary>
    private void AddWellbeingHistory(Hub hub, Member member, int number, Survey survey, DateTimeOffset now)
    {
        if (number % 10 == 9)
        {
            return;
        }

        var baseline = _random.Next(6, 21);
        var direction = _random.Next(-1, 2);
        var index = 0;
        for (var at = member.EnrolledAt.AddDays(_random.Next(1, 10)); at < now.AddDays(-1); at = at.AddDays(_random.Next(12, 18)), index++)
        {
            var raw = Math.Clamp(baseline + direction * index / 3 + _random.Next(-2, 3), 1, 24);

            // Between 08:00 and 17:59 local time, spread by person and answer without drawing on the seeded sequence.
            var filledInAt = OnLocalDay(hub, at, 8 + (number + index) % 10, (number * 7 + index * 13) % 60);
            db.Submissions.Add(Submission.ForWellbeing(hub.Id, member.Id, survey, AnswersSummingTo(survey, raw), filledInAt));
        }
    }

    /// <summary>
    /// Weekly sessions for the last 8 to 12 weeks, and for 20 weeks with the first two clients; the latest ended
    /// yesterday, so its alliance survey is still open and its invitation e-mail waits in the outbox, as ending it in
    /// the app would have left it. About one survey in five goes unanswered, never two in a row.
    /// So every client rates some sessions of each of the last two months, and each professional's oldest alliance
    /// months have one client only: "My alliance score" shows its closed months with enough responses and hides the
    /// early ones, whatever the day the demo starts.
    /// </summary>
    private void AddSessions(Hub hub, Member member, int number, Professional professional, Survey survey, DateTimeOffset now)
    {
        var count = number <= 2 ? 20 : _random.Next(8, 13);

        // Most working relationships feel good; about one in six is strained, which is what the flags are for.
        var mean = _random.Next(0, 6) == 0 ? 3 : _random.Next(5, 7);
        var skippedPrevious = false;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            // Sessions end between 12:00 and 16:00 in the hub's time zone, an hour after they start: working hours.
            var endedAt = OnLocalDay(hub, now.AddDays(-7 * (count - sequence) - 1), 11 + _random.Next(1, 6), 0);
            var session = new CareSession(hub.Id, member.Id, professional.Id, endedAt.AddHours(-1), sequence);
            session.End(endedAt, hub.Settings, hub.TimeZoneId);
            db.CareSessions.Add(session);
            var skipped = _random.Next(0, 5) == 0 && !skippedPrevious;
            skippedPrevious = skipped;
            if (sequence == count && session.InvitationIsOpen(now))
            {
                db.OutboxMessages.AddRange(AllianceReminders.For(session, hub, now));
            }

            if (sequence == count || skipped)
            {
                continue;
            }

            var answers = survey.Items.ToDictionary(i => i.Id, i => (int?)Math.Clamp(mean + _random.Next(-1, 2), 1, 7));
            var submission = Submission.ForAlliance(hub.Id, member.Id, survey, answers, endedAt.AddMinutes(10), professional.Id, session.Id);
            session.RecordAllianceSubmission(submission.Id, submission.SubmittedAt);
            db.Submissions.Add(submission);
        }
    }

    /// <summary>The instant at hour:minute on the local calendar day, in the hub's time zone, that holds <paramref name="instant"/>.</summary>
    private static DateTimeOffset OnLocalDay(Hub hub, DateTimeOffset instant, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hub.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone).Date.AddHours(hour).AddMinutes(minute);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private Dictionary<string, int?> AnswersSummingTo(Survey survey, int raw)
    {
        var answers = survey.Items.ToDictionary(i => i.Id, _ => (int?)0);
        for (var left = raw; left > 0;)
        {
            var item = survey.Items[_random.Next(survey.Items.Count)].Id;
            if (answers[item] < survey.MaximumValue)
            {
                answers[item]++;
                left--;
            }
        }

        return answers;
    }

    private async Task<string> AddAccountAsync(string email, string displayName, string role, Guid? hrHubId = null)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            HrHubId = hrHubId,
            PasswordHash = _passwordHash,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        return user.Id;
    }
}
