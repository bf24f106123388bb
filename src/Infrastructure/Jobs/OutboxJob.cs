using Hangfire;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Messaging.Commands.SendDueMessages;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Sends the due outbox messages (<see cref="SendDueMessagesHandler"/>) on <c>Email:Schedule</c>. Two runs at once
/// (a retry beside the next occurrence, two job servers) are safe: each message is claimed by a conditional update
/// before it is sent. Its log has counts only, never an address or a member.
/// </summary>
public sealed partial class OutboxJob(SendDueMessagesHandler handler, ILogger<OutboxJob> logger)
{
    public const string RecurringJobId = "email-outbox";

    /// <summary>
    /// An SMTP failure fails the run after releasing the message, so Hangfire retries with its growing delays; the
    /// scheduled runs keep trying meanwhile, so a few retries are enough.
    /// </summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await handler.Handle(new SendDueMessagesCommand(), cancellationToken);
        if (result.Sent + result.Withdrawn + result.Deferred > 0 || result.LeftToAnotherRun)
        {
            LogRun(result.Sent, result.Withdrawn, result.Deferred, result.LeftToAnotherRun);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail outbox: {Sent} sent, {Withdrawn} withdrawn, {Deferred} deferred to sending hours; left to another run: {LeftToAnotherRun}")]
    private partial void LogRun(int sent, int withdrawn, int deferred, bool leftToAnotherRun);
}
