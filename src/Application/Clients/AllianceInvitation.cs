using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Clients;

public static class AllianceInvitation
{
    public const string AlreadyAnswered = "You have already answered the survey about this session. Your first answers are kept.";

    /// <summary>Says why a session's survey cannot be filled in, in the client's words; a used invitation is a conflict.</summary>
    public static void EnsureOpen(CareSession session, DateTimeOffset now)
    {
        if (session.AllianceSubmissionId is not null)
        {
            throw new ConflictException(AlreadyAnswered);
        }

        if (session.InvitationOpenedAt is null)
        {
            throw new DomainException("There is no survey to fill in for this session.");
        }

        if (!session.InvitationIsOpen(now))
        {
            throw new DomainException("The survey about this session has closed: each one stays open for a limited number of days after the session.");
        }
    }
}
