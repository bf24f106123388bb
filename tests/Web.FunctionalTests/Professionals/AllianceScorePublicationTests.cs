using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>The publication of professionals' alliance months when two job servers run it at once.</summary>
public sealed class AllianceScorePublicationTests
{
    /// <summary>
    /// Another run stores the first professional's month between this run's read and its save. This run skips that
    /// month, keeps the other run's score, and still publishes the next professional's month: the refused row does
    /// not ride along into the next save.
    /// </summary>
    [Fact]
    public async Task AnotherRunStoringTheSameMonthFirst_IsSkipped_AndTheNextProfessionalIsStillPublished()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenarios = new[]
        {
            await ProfessionalScenario.CreateAsync(factory, (K: 3, InvitationExpiryDays: 7)),
            await ProfessionalScenario.CreateAsync(factory, (K: 3, InvitationExpiryDays: 7)),
        };
        foreach (var scenario in scenarios)
        {
            var clients = await scenario.AddClientsAsync(4, sharesAlliance: false);
            await scenario.InviteAsync(clients);
            await scenario.RateAsync(clients, everyAnswer: 5);
        }

        var month = ReportingPeriod.Containing(scenarios[0].Now, ReportingPeriodLength.Month, "UTC");
        clock.SetUtcNow(month.End.AddDays(7) + ReportingPeriod.Grace);

        using var scope = factory.Services.CreateScope();
        var source = new AnotherRunFirst(scope.ServiceProvider.GetRequiredService<IAllianceRatingSource>(), factory.Services);
        var handler = ActivatorUtilities.CreateInstance<PublishAllianceScoresHandler>(scope.ServiceProvider, source);
        var outcomes = await handler.Handle(new PublishAllianceScoresCommand(), CancellationToken.None);

        var raced = Assert.Single(outcomes, o => o.Result == AllianceScoreResult.PublishedByAnotherRun);
        Assert.Equal(source.RacedProfessional, raced.ProfessionalId);
        var published = Assert.Single(outcomes, o => o.Result == AllianceScoreResult.Published);
        Assert.NotEqual(raced.ProfessionalId, published.ProfessionalId);
        Assert.All(outcomes, o => Assert.Equal(month.Key, o.Month));
        var stored = await factory.QueryAsync(db => db.AlliancePeriodScores.Where(s => s.PeriodStart == month.Start).Select(s => new { s.ProfessionalId, s.Id }).ToListAsync());
        Assert.Equal(scenarios.Select(s => s.ProfessionalId).Order(), stored.Select(s => s.ProfessionalId).Order());
        Assert.Contains(stored, s => s.Id == source.OtherRunsScore);
    }

    /// <summary>Reads like the real source; on the first read, another run stores that month from a context of its own.</summary>
    private sealed class AnotherRunFirst(IAllianceRatingSource inner, IServiceProvider services) : IAllianceRatingSource
    {
        public Guid? RacedProfessional { get; private set; }

        public Guid? OtherRunsScore { get; private set; }

        public Task<IReadOnlyDictionary<Guid, DateTimeOffset>> FirstInvitationsAsync(CancellationToken cancellationToken) =>
            inner.FirstInvitationsAsync(cancellationToken);

        public async Task<AllianceMonthStatistics> ReadAsync(Guid professionalId, ReportingPeriod month, DateTimeOffset publishedAt, CancellationToken cancellationToken)
        {
            var statistics = await inner.ReadAsync(professionalId, month, publishedAt, cancellationToken);
            if (RacedProfessional is null)
            {
                using var scope = services.CreateScope();
                var score = AlliancePeriodScore.Publish(professionalId, month, publishedAt, 3, statistics);
                scope.ServiceProvider.GetRequiredService<IRepository<AlliancePeriodScore>>().Add(score);
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
                (RacedProfessional, OtherRunsScore) = (professionalId, score.Id);
            }

            return statistics;
        }
    }
}
