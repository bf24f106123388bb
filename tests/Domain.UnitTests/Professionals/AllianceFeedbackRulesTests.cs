using Wellbeing.Domain.Professionals;

namespace Wellbeing.Domain.UnitTests.Professionals;

public class AllianceFeedbackRulesTests
{
    [Theory]
    [InlineData(5, 6, 5, true)]
    [InlineData(6, 10, 5, true)]
    [InlineData(3, 4, 3, true)]
    [InlineData(4, 6, 5, false)]
    [InlineData(0, 0, 5, false)]
    [InlineData(0, 20, 5, false)]
    [InlineData(5, 5, 5, false)]
    [InlineData(3, 3, 3, false)]
    [InlineData(7, 7, 7, false)]
    public void MayShow_NeedsKRatersAndMoreThanKInvited(int raters, int invited, int k, bool shown) =>
        Assert.Equal(shown, AllianceFeedbackRules.MayShow(raters, invited, k));

    /// <summary>The professional who saw exactly k clients who do not share sees nothing, even when every one of them answered.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    public void ExactlyKInvited_AllAnswering_StaysHidden(int k) =>
        Assert.False(AllianceFeedbackRules.MayShow(k, k, k));

    /// <summary>
    /// The professional knows how many clients who do not share they invited in the month (U) and sees only whether the
    /// month is shown. Whatever they see, every one of those clients may have answered and may not have: some
    /// number of raters consistent with the view includes that client, and another leaves them out.
    /// </summary>
    [Fact]
    public void EitherView_LeavesEveryInvitedClientPossiblyAnsweringAndPossiblyNot()
    {
        for (var k = 3; k <= 10; k++)
        {
            for (var invited = 1; invited <= 30; invited++)
            {
                for (var raters = 0; raters <= invited; raters++)
                {
                    var view = AllianceFeedbackRules.MayShow(raters, invited, k);
                    var consistent = Enumerable.Range(0, invited + 1).Where(r => AllianceFeedbackRules.MayShow(r, invited, k) == view).ToList();

                    // With r of the invited clients answering, a chosen one answered in some world iff r >= 1 and did not in some world iff r < invited.
                    Assert.True(consistent.Any(r => r >= 1), $"k={k}, invited={invited}, raters={raters}: the view says the chosen client did not answer.");
                    Assert.True(consistent.Any(r => r < invited), $"k={k}, invited={invited}, raters={raters}: the view says every client answered.");
                }
            }
        }
    }

    [Fact]
    public void MayShow_NeverShowsFewerThanKRaters()
    {
        for (var k = 3; k <= 10; k++)
        {
            for (var invited = 0; invited <= 30; invited++)
            {
                for (var raters = 0; raters < k && raters <= invited; raters++)
                {
                    Assert.False(AllianceFeedbackRules.MayShow(raters, invited, k));
                }
            }
        }
    }

    [Theory]
    [InlineData(-1, 5, 5)]
    [InlineData(5, -1, 5)]
    [InlineData(5, 6, 2)]
    public void MayShow_RefusesNegativeCountsAndKBelowTheMinimum(int raters, int invited, int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AllianceFeedbackRules.MayShow(raters, invited, k));
}
