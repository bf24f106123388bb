using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Accounts;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// The check every signed-in request makes: this node's memory first, the session row by primary key when the memory
/// does not know (docs/decisions/0007). Kept apart from <see cref="AccountSignIn"/>, so that a request does not build
/// Identity's managers just to be let in; the request's database context is asked for only when the memory does not
/// know, so a remembered session costs no context (a page without a query builds none).
/// </summary>
internal sealed class OpenSessions(IServiceProvider requestServices, SessionMemory memory) : ISignInSessions
{
    public async Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (AccountSignIn.SessionOf(user) is not { } session)
        {
            return false;
        }

        if (memory.KnownOpen(session.Id, session.UserId))
        {
            return true;
        }

        var read = memory.BeginRead();
        var expiresAt = await requestServices.GetRequiredService<WellbeingDbContext>().SignInSessions
            .Where(s => s.Id == session.Id && s.UserId == session.UserId && s.ExpiresAt > read.At)
            .Select(s => (DateTimeOffset?)s.ExpiresAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (expiresAt is not { } end)
        {
            return false;
        }

        memory.Confirmed(session.Id, session.UserId, read, end);
        return memory.KnownOpen(session.Id, session.UserId);
    }
}
