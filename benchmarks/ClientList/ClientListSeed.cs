using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Benchmarks.ClientList;

/// <summary>
/// One hub, one professional with 2,000 clients, each with a few months of wellbeing and alliance history and the
/// demo's mix of shared and unshared measures; a fixed seed, so every run measures the same data.
/// </summary>
public sealed class ClientListSeed(IServiceProvider services)
{
    public const string ProfessionalUserId = "benchmark-professional";
    public const int Clients = 2000;

    private static readonly string[] GivenNames = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas"];
    private static readonly string[] FamilyNames = ["Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen"];

    private readonly Random _random = new(2000);

    public async Task SeedAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var catalogue = scope.ServiceProvider.GetRequiredService<ISurveyCatalogue>();
        var wellbeing = catalogue.Current(Measure.Wellbeing);
        var alliance = catalogue.Current(Measure.Alliance);
        var start = DateTimeOffset.UtcNow.AddMonths(-4);

        var hub = new Hub("Benchmark Hub", "Benchmark organisation", "benchmark", "Europe/London", start);
        var professional = new Professional("Bench Professional", "bench@benchmark.test", "Psychologist");
        professional.JoinHub(hub.Id, start);
        professional.LinkAccount(ProfessionalUserId);
        db.AddRange(hub, professional);

        for (var n = 1; n <= Clients; n++)
        {
            var name = $"{GivenNames[_random.Next(GivenNames.Length)]} {FamilyNames[_random.Next(FamilyNames.Length)]} {n:D4}";
            var member = new Member(hub.Id, name, $"client{n}@benchmark.test", start);
            db.Add(member);
            db.Add(new ClientConnection(hub.Id, member.Id, professional.Id, start));
            if (n % 7 != 2)
            {
                db.Add(new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Wellbeing, start));
            }

            if (n % 3 != 2)
            {
                db.Add(new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Alliance, start));
            }

            for (var week = 0; week < 16; week += 3)
            {
                var answers = wellbeing.Items.ToDictionary(i => i.Id, _ => (int?)_random.Next(0, 6));
                db.Add(Submission.ForWellbeing(hub.Id, member.Id, wellbeing, answers, start.AddDays(7 * week + 1)));
            }

            for (var sequence = 1; sequence <= 4; sequence++)
            {
                var session = new CareSession(hub.Id, member.Id, professional.Id, start.AddDays(14 * sequence), sequence);
                session.End(session.ScheduledAt.AddHours(1), hub.Settings, hub.TimeZoneId);
                var answers = alliance.Items.ToDictionary(i => i.Id, _ => (int?)_random.Next(1, 8));
                var rating = Submission.ForAlliance(hub.Id, member.Id, alliance, answers, session.ScheduledAt.AddHours(2), professional.Id, session.Id);
                session.RecordAllianceSubmission(rating.Id, rating.SubmittedAt);
                db.AddRange(session, rating);
            }
        }

        await db.SaveChangesAsync();
    }
}
