namespace Wellbeing.Application.Invitations;

/// <summary>How invitations behave, the same for every hub; from configuration (<c>Invitations:*</c>).</summary>
/// <param name="Lifetime">How long an invitation's link works after it is sent (or sent again): <c>Invitations:ExpiryDays</c>, 7 days by default.</param>
public sealed record InvitationSettings(TimeSpan Lifetime)
{
    public const string ExpiryDaysSetting = "Invitations:ExpiryDays";
    public const int DefaultExpiryDays = 7;
}
