namespace Wellbeing.Domain.Interpretation;

public enum TrendDirection
{
    Declining = -1,
    Stable = 0,
    Improving = 1,
}

/// <summary>
/// A person's wellbeing trend: latest minus first score against the hub's threshold. With one submission there is
/// no trend. A signal, not a verdict: the test-retest minimal detectable change of the WHO-5 is larger than 10.
/// </summary>
public static class Trend
{
    /// <param name="scoresOldestFirst">The person's scores in the order they were given.</param>
    public static TrendDirection? Of(IReadOnlyList<decimal> scoresOldestFirst, int threshold)
    {
        if (scoresOldestFirst.Count < 2)
        {
            return null;
        }

        return Between(scoresOldestFirst[0], scoresOldestFirst[^1], threshold);
    }

    public static TrendDirection Between(decimal first, decimal latest, int threshold)
    {
        var change = latest - first;
        if (change >= threshold)
        {
            return TrendDirection.Improving;
        }

        return change <= -threshold ? TrendDirection.Declining : TrendDirection.Stable;
    }
}
