using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Clients.Commands.DeleteMyAccount;

public sealed record DeleteMyAccountCommand(string UserId);

/// <summary>
/// Removes the member and everything about them in one transaction: submissions with their answers, share grants,
/// views of their scores, sessions, connections, the e-mails queued for them (sent or not) and the sign-in account. Published HR figures stay as they are: each
/// closed period's block was computed once and holds only numbers that no single person can be isolated from, and
/// periods published later simply never had this member.
/// </summary>
public sealed class DeleteMyAccountHandler(
    IRepository<Member> members,
    IRepository<Submission> submissions,
    IRepository<ShareGrant> grants,
    IRepository<ScoreView> views,
    IRepository<CareSession> sessions,
    IRepository<ClientConnection> connections,
    IRepository<OutboxMessage> outbox,
    ISignInAccounts accounts,
    IAuditLog audit,
    IUnitOfWork unitOfWork)
{
    public async Task Handle(DeleteMyAccountCommand command, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(command.UserId, cancellationToken, forUpdate: true);

        var answers = await submissions.ListAsync(new SubmissionsOfMemberSpec(member.Id, forUpdate: true), cancellationToken);
        RemoveAll(submissions, answers);
        RemoveAll(grants, await grants.ListAsync(new ShareGrantsOfMemberSpec(member.Id, forUpdate: true), cancellationToken));
        RemoveAll(views, await views.ListAsync(new ScoreViewsOfMemberSpec(member.Id, forUpdate: true), cancellationToken));
        RemoveAll(sessions, await sessions.ListAsync(new SessionsOfMemberSpec(member.Id, forUpdate: true), cancellationToken));
        RemoveAll(connections, await connections.ListAsync(new ConnectionsOfMemberSpec(member.Id, forUpdate: true), cancellationToken));
        RemoveAll(outbox, await outbox.ListAsync(new OutboxMessagesOfMemberSpec(member.Id), cancellationToken));
        members.Remove(member);
        audit.Record(AuditAction.AccountDeleted, member.HubId, member.Id.ToString());
        await accounts.RemoveAsync(command.UserId, cancellationToken);

        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    private static void RemoveAll<T>(IRepository<T> repository, IEnumerable<T> entities)
        where T : class, Domain.Common.IAggregateRoot
    {
        foreach (var entity in entities)
        {
            repository.Remove(entity);
        }
    }
}
