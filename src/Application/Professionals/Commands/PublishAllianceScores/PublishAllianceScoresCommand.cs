using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Professionals.Commands.PublishAllianceScores;

/// <summary>Publishes every professional's own alliance score for each closed, unpublished month.</summary>
public sealed record PublishAllianceScoresCommand;

/// <summary>What happened to one month of one professional; the job logs it (professionals and months only, never clients or scores).</summary>
public sealed record AllianceScoreOutcome(Guid ProfessionalId, string Month, AllianceScoreResult Result);

public enum AllianceScoreResult
{
    /// <summary>Computed and stored, shown or hidden; the professional sees it from now on.</summary>
    Published,

    /// <summary>Another run stored the same month first; its score stands.</summary>
    PublishedByAnotherRun,
}

/// <summary>
/// Computes each professional's closed, unpublished months once, oldest first, one save per month, so a failure
/// leaves every earlier month published and none half-written. A published month is never recomputed: later ratings,
/// revocations and deleted accounts leave it as it is. Reads are per professional and month, grouped in the database.
/// </summary>
public sealed class PublishAllianceScoresHandler(
    IRepository<Professional> professionals,
    IRepository<Hub> hubs,
    IRepository<AlliancePeriodScore> scores,
    IAllianceRatingSource source,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<AllianceScoreOutcome>> Handle(PublishAllianceScoresCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var firstInvitations = await source.FirstInvitationsAsync(cancellationToken);
        if (firstInvitations.Count == 0)
        {
            return [];
        }

        var settings = (await hubs.ListAsync(new AllHubsSpec(), cancellationToken)).ToDictionary(h => h.Id, h => h.Settings);
        var outcomes = new List<AllianceScoreOutcome>();
        foreach (var professional in await professionals.ListAsync(new ProfessionalsWithHubsSpec([.. firstInvitations.Keys]), cancellationToken))
        {
            var theirs = professional.Hubs.Select(h => settings[h.HubId]).ToList();

            // Working in several hubs, the strictest k protects every hub's clients, and the longest invitation decides
            // when the last client invited in a month can no longer answer.
            var k = theirs.Select(s => s.K).DefaultIfEmpty(HubSettings.MinimumK).Max();
            var expiryDays = theirs.Select(s => s.InvitationExpiryDays).DefaultIfEmpty(HubSettings.Defaults().InvitationExpiryDays).Max();
            outcomes.AddRange(await PublishAsync(professional.Id, firstInvitations[professional.Id], k, expiryDays, now, cancellationToken));
        }

        return outcomes;
    }

    private async Task<List<AllianceScoreOutcome>> PublishAsync(Guid professionalId, DateTimeOffset firstInvitation, int k, int expiryDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = (await scores.ListAsync(new PublishedAllianceMonthsSpec(professionalId), cancellationToken)).ToHashSet();
        var outcomes = new List<AllianceScoreOutcome>();
        foreach (var month in AlliancePeriodScore.ClosedMonths(firstInvitation, now, expiryDays).Where(m => !published.Contains(m.Start)))
        {
            var statistics = await source.ReadAsync(professionalId, month, now, cancellationToken);
            var score = AlliancePeriodScore.Publish(professionalId, month, now, k, statistics);
            scores.Add(score);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                // Two job servers reached the same month together; the unique (professional, month start) kept the
                // first. Dropping the refused row keeps it out of the next professional's save, and the other run is
                // publishing this professional's later months.
                scores.Remove(score);
                outcomes.Add(new AllianceScoreOutcome(professionalId, month.Key, AllianceScoreResult.PublishedByAnotherRun));
                return outcomes;
            }

            outcomes.Add(new AllianceScoreOutcome(professionalId, month.Key, AllianceScoreResult.Published));
        }

        return outcomes;
    }
}

/// <summary>Professionals with the hubs they work in, by id.</summary>
public sealed class ProfessionalsWithHubsSpec : Specification<Professional>
{
    public ProfessionalsWithHubsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(p => ids.Contains(p.Id)).Include(p => p.Hubs).OrderBy(p => p.Id).AsNoTracking();
}

/// <summary>The UTC starts of the months a professional has published: what the publication must not compute again.</summary>
public sealed class PublishedAllianceMonthsSpec : Specification<AlliancePeriodScore, DateTimeOffset>
{
    public PublishedAllianceMonthsSpec(Guid professionalId)
    {
        Query.Where(s => s.ProfessionalId == professionalId);
        Query.Select(s => s.PeriodStart);
    }
}
