using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Interpretation;

/// <summary>Where a 0-100 Wellbeing Index score falls; the bounds are hub settings (defaults 0-28, 29-50, 51-100).</summary>
public enum WellbeingBracket
{
    Poor = 1,
    Moderate = 2,
    Good = 3,
}

public static class WellbeingBrackets
{
    public static WellbeingBracket For(decimal score, HubSettings settings)
    {
        if (score is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A Wellbeing Index score lies between 0 and 100.");
        }

        if (score <= settings.PoorUpTo)
        {
            return WellbeingBracket.Poor;
        }

        return score <= settings.ModerateUpTo ? WellbeingBracket.Moderate : WellbeingBracket.Good;
    }
}
