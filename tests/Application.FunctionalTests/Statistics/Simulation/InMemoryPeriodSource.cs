using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.FunctionalTests.Statistics.Simulation;

/// <summary>One respondent of a period as the publication saw them: department then, period score, first score if earlier.</summary>
internal sealed record Respondent(string? Department, decimal PeriodScore, decimal? FirstScore);

/// <summary>
/// The counts and sums EfPeriodSource reads, computed over a simulated history as the database holds it at the clock's
/// time: members that exist then, in their department then; answers saved by then; enrolled at some time in the period;
/// respondents grouped by department, period sum and count, and first score when it came before the period. It also
/// keeps, per period, the people behind each read, so that a test can check what the figures hide against the truth.
/// </summary>
internal sealed class InMemoryPeriodSource(SimulatedHistory history, TimeProvider clock) : IPeriodSource
{
    private readonly Dictionary<string, IReadOnlyList<Respondent>> _respondents = [];

    /// <summary>The respondents behind the latest read of each period, by period key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Respondent>> Respondents => _respondents;

    public Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var enrolled = new List<string?>();
        var people = new List<(string? Department, decimal Sum, int Submissions, decimal? First)>();
        var (ratingSum, ratings, raters) = (0m, 0, 0);
        foreach (var member in history.Members.Where(m => m.ExistsAt(now)))
        {
            var department = member.DepartmentAt(now);
            if (member.EnrolledAt < period.End && !(member.DeactivatedAsOf(now) < period.Start))
            {
                enrolled.Add(department);
            }

            // Answers are kept oldest first, so the first one saved by now is the first score the summary holds.
            var (first, sum, submissions) = ((SimulatedAnswer?)null, 0m, 0);
            foreach (var answer in member.Wellbeing.Where(a => a.SavedAt <= now))
            {
                first ??= answer;
                if (answer.IsIn(period))
                {
                    (sum, submissions) = (sum + answer.Score, submissions + 1);
                }
            }

            if (submissions > 0)
            {
                people.Add((department, sum, submissions, first!.SubmittedAt < period.Start ? first.Score : null));
            }

            var rated = member.Alliance.Where(a => a.SavedAt <= now && a.IsIn(period)).ToList();
            (ratingSum, ratings, raters) = (ratingSum + rated.Sum(a => a.Score), ratings + rated.Count, raters + (rated.Count > 0 ? 1 : 0));
        }

        _respondents[period.Key] = [.. people.Select(p => new Respondent(p.Department, p.Sum / p.Submissions, p.First))];
        return Task.FromResult(new PeriodStatistics(
            [.. enrolled.GroupBy(d => d).Select(g => new DepartmentEnrolment(g.Key, g.Count()))],
            [.. people.GroupBy(p => p).Select(g => new RespondentGroup(g.Key.Department, g.Key.Sum, g.Key.Submissions, g.Key.First, g.Count()))],
            ratings == 0 ? AllianceFigures.None : new AllianceFigures(ratingSum, ratings, raters)));
    }
}
