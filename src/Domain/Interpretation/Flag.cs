using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Interpretation;

/// <summary>What a professional is alerted to, only ever from scores the client shares with them. Few and meaningful.</summary>
public enum Flag
{
    /// <summary>WHO-5 score of 28 or below: possible depression, consider further assessment. A screen, not a diagnosis.</summary>
    PossibleDepression = 1,

    /// <summary>The latest alliance mean is below the hub's low threshold.</summary>
    AllianceLow = 2,

    /// <summary>The alliance mean dropped by the hub's drop threshold or more since the previous alliance submission.</summary>
    AllianceDropped = 3,
}

public static class Flags
{
    /// <summary>The WHO-5 cut-off for possible depression (Topp et al. 2015); clinical, so not a hub setting.</summary>
    public const int PossibleDepressionAtOrBelow = 28;

    public static IReadOnlyList<Flag> ForWellbeing(decimal? latestScore) =>
        latestScore <= PossibleDepressionAtOrBelow ? [Flag.PossibleDepression] : [];

    public static IReadOnlyList<Flag> ForAlliance(decimal? latestMean, decimal? previousMean, HubSettings settings)
    {
        if (latestMean is null)
        {
            return [];
        }

        var flags = new List<Flag>();
        if (latestMean < settings.AllianceLowThreshold)
        {
            flags.Add(Flag.AllianceLow);
        }

        if (previousMean - latestMean >= settings.AllianceDropThreshold)
        {
            flags.Add(Flag.AllianceDropped);
        }

        return flags;
    }
}
