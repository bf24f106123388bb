namespace Wellbeing.Domain.Invitations;

/// <summary>What the account an invitation creates will be; the role decides what it is linked to on acceptance.</summary>
public enum InvitedRole
{
    /// <summary>An HR manager of the invitation's hub: the account gets the hub as its HR hub.</summary>
    HrManager = 1,

    /// <summary>A professional (an existing <c>Professional</c> row, already in the hub), linked to the new account.</summary>
    Professional = 2,

    /// <summary>A client (an existing <c>Member</c> row of the hub), linked to the new account.</summary>
    Member = 3,
}

/// <summary>Where an invitation stands at a given instant, in the order the checks apply.</summary>
public enum InvitationState
{
    /// <summary>Neither used, withdrawn nor expired: the link creates the account.</summary>
    Pending,

    /// <summary>The link created an account; it never works again.</summary>
    Used,

    /// <summary>An administrator withdrew it.</summary>
    Withdrawn,

    /// <summary>Its expiry (UTC) has passed; an administrator may resend it, which gives it a new expiry.</summary>
    Expired,
}
