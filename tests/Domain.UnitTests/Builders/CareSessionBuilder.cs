using Wellbeing.Domain.Sessions;

namespace Wellbeing.Domain.UnitTests.Builders;

public sealed class CareSessionBuilder
{
    public static readonly DateTimeOffset ScheduledAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private int _sequenceNumber = 1;

    public CareSessionBuilder Numbered(int sequenceNumber)
    {
        _sequenceNumber = sequenceNumber;
        return this;
    }

    public CareSession Build() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ScheduledAt, _sequenceNumber);
}
