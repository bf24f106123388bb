using Wellbeing.Domain.Common;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Messaging;

public sealed class OutboxMessageAttemptTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Reminder() =>
        new(Guid.NewGuid(), Guid.NewGuid(), MessageKind.WellbeingReminder, new DateOnly(2026, 11, 30), null, Now, Now);

    [Fact]
    public void BeginAttempt_Unsettled_RecordsTheTimeAndCountsIt()
    {
        var message = Reminder();

        message.BeginAttempt(Now);
        message.BeginAttempt(Now.AddHours(1));

        Assert.Equal((Now.AddHours(1), 2), (message.AttemptedAt, message.Attempts));
    }

    [Fact]
    public void ReleaseAttempt_AfterAFailedDelivery_ClearsTheAttemptButKeepsTheCount()
    {
        var message = Reminder();
        message.BeginAttempt(Now);

        message.ReleaseAttempt();

        Assert.Equal((null, 1, false), (message.AttemptedAt, message.Attempts, message.IsSettled));
    }

    [Fact]
    public void ReleaseAttempt_AfterTheMessageWasSent_KeepsTheAttempt()
    {
        var message = Reminder();
        message.BeginAttempt(Now);
        message.MarkSent(Now);

        message.ReleaseAttempt();

        Assert.Equal(Now, message.AttemptedAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BeginAttempt_SentOrWithdrawn_Refused(bool sent)
    {
        var message = Reminder();
        if (sent)
        {
            message.MarkSent(Now);
        }
        else
        {
            message.Withdraw(Now);
        }

        Assert.Throws<DomainException>(() => message.BeginAttempt(Now));
        Assert.Equal(0, message.Attempts);
    }
}
