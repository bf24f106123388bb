using Wellbeing.Domain.Common;

namespace Wellbeing.Application.Invitations;

/// <summary>Which field of an invitation form a refusal belongs to.</summary>
public enum InvitationField
{
    Email,
    ExternalId,
    Department,
}

/// <summary>An invitation that was not made, with the reason to show beside <see cref="Field"/>.</summary>
public sealed class InvitationRefusedException(InvitationField field, string message) : DomainException(message)
{
    public InvitationField Field { get; } = field;
}
