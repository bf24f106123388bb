using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Messaging;

public class UnsubscribeLinkUseTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Reminder() =>
        new(Guid.NewGuid(), Guid.NewGuid(), MessageKind.WellbeingReminder, new DateOnly(2026, 3, 2), null, Created, Created);

    [Fact]
    public void FirstUse_IsRecorded()
    {
        var message = Reminder();

        Assert.True(message.UseUnsubscribeLink(Created.AddDays(1)));
        Assert.Equal(Created.AddDays(1), message.UnsubscribeLinkUsedAt);
    }

    [Fact]
    public void SecondUse_IsRefused_AndKeepsTheFirstTime()
    {
        var message = Reminder();
        message.UseUnsubscribeLink(Created.AddDays(1));

        Assert.False(message.UseUnsubscribeLink(Created.AddDays(2)));
        Assert.Equal(Created.AddDays(1), message.UnsubscribeLinkUsedAt);
    }
}
