namespace Wellbeing.Domain.Hubs;

/// <summary>How often an ended session invites the client to rate the alliance: every session, every 2nd or every 3rd.</summary>
public enum AllianceCadence
{
    EverySession = 1,
    EverySecondSession = 2,
    EveryThirdSession = 3,
}

public static class AllianceCadenceRules
{
    /// <summary>The n-th session of a client with a professional (1-based) invites when n is a multiple of the cadence.</summary>
    public static bool Invites(this AllianceCadence cadence, int sessionNumber)
    {
        if (sessionNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionNumber), "Sessions are counted from 1.");
        }

        return sessionNumber % (int)cadence == 0;
    }
}
