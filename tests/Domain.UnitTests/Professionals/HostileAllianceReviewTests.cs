using System.Globalization;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Professionals;

/// <summary>
/// Hostile review of issue 10: a professional with six non-sharing clients (k = 5), one session each in March, reads
/// their published month on /my-alliance (one decimal). The confidence subscale is one 1-7 item, so with five ratings
/// its mean is a multiple of 0.2 and reads x.0, x.2, x.4, x.6 or x.8; with six it is a multiple of 1/6. A page showing
/// 6.7 (40/6) can only come from six ratings: every invited client answered, so the professional knows each named
/// client did. (Stored with two decimals, any mean that is not a multiple of 0.2 would tell the same; published means are therefore rounded to the nearest half point.)
/// </summary>
public class HostileAllianceReviewTests
{
    private static readonly ReportingPeriod March = new("2026-03", new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ShownMonth_MustNotTellFromItsRoundingThatEveryInvitedClientAnswered()
    {
        // Six ratings, confidence 7,7,7,7,6,6 (40), overall means 7,7,7,7,6,6 (40).
        var allSix = AlliancePeriodScore.Publish(Guid.NewGuid(), March, March.End.AddDays(8), 5,
            new AllianceMonthStatistics(6, 6, 40m, 6, [new("confidence", 40m, 6)]));
        var onPage = allSix.Subscales.Single(s => s.Key == "confidence").Mean.ToString("0.0", CultureInfo.InvariantCulture);

        // Every confidence mean five ratings of 1-7 could put on the page, published and formatted the same way.
        var fromFive = Enumerable.Range(5, 31)
            .Select(sum => AlliancePeriodScore.Publish(Guid.NewGuid(), March, March.End.AddDays(8), 5, new AllianceMonthStatistics(6, 5, sum, 5, [new("confidence", sum, 5)])))
            .Select(score => score.Subscales.Single().Mean.ToString("0.0", CultureInfo.InvariantCulture))
            .ToHashSet();

        Assert.False(allSix.IsHidden);
        Assert.True(fromFive.Contains(onPage), $"confidence {onPage} on /my-alliance cannot come from five ratings: all six answered");
    }
}
