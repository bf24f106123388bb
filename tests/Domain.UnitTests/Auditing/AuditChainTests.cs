using System.Reflection;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Domain.UnitTests.Auditing;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChainOfAppendedEntries_Holds()
    {
        Assert.Null(AuditChain.FirstBreak(Log(4)));
    }

    [Fact]
    public void FirstEntry_CarriesTheGenesisLink_AndLaterOnesTheirPredecessorsHash()
    {
        var log = Log(2);

        Assert.Equal(1, log[0].Sequence);
        Assert.Equal(AuditChain.Genesis, log[0].PreviousHash);
        Assert.Equal(AuditChain.HashOf(log[0]), log[1].PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", log[1].PreviousHash);
    }

    [Theory]
    [InlineData(nameof(AuditEntry.UserId), "someone-else")]
    [InlineData(nameof(AuditEntry.ObjectId), "another-object")]
    [InlineData(nameof(AuditEntry.RemoteAddress), "203.0.113.9")]
    [InlineData(nameof(AuditEntry.Role), "Administrator")]
    [InlineData(nameof(AuditEntry.Detail), "K 5 → 3")]
    public void EditedEntry_BreaksTheLinkOfTheNextOne(string field, string value)
    {
        var log = Log(4);

        Set(log[1], field, value);

        Assert.Equal(3, AuditChain.FirstBreak(log)?.Sequence);
    }

    [Fact]
    public void EditedTimeOrOutcome_BreaksTheChain()
    {
        var log = Log(3);
        Set(log[0], nameof(AuditEntry.At), Start.AddHours(-1));
        var other = Log(3);
        Set(other[1], nameof(AuditEntry.Outcome), AuditOutcome.Refused);

        Assert.Equal(2, AuditChain.FirstBreak(log)?.Sequence);
        Assert.Equal(3, AuditChain.FirstBreak(other)?.Sequence);
    }

    [Fact]
    public void DeletedEntry_IsFound()
    {
        var log = Log(4);
        log.RemoveAt(1);

        var broken = AuditChain.FirstBreak(log);

        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("deleted or moved", broken?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedFirstEntries_AreFound()
    {
        var log = Log(3);
        log.RemoveAt(0);

        Assert.Equal(2, AuditChain.FirstBreak(log)?.Sequence);
    }

    [Fact]
    public void ReorderedEntries_AreFound()
    {
        var log = Log(4);
        (log[1], log[2]) = (log[2], log[1]);

        Assert.Equal(3, AuditChain.FirstBreak(log)?.Sequence);
    }

    [Fact]
    public void RenumberedSwap_IsFound()
    {
        // Swapping two entries' sequence numbers keeps the numbering whole, but not the links.
        var log = Log(4);
        Set(log[1], nameof(AuditEntry.Sequence), 3L);
        Set(log[2], nameof(AuditEntry.Sequence), 2L);
        (log[1], log[2]) = (log[2], log[1]);

        Assert.Equal(2, AuditChain.FirstBreak(log)?.Sequence);
    }

    [Fact]
    public void CanonicalForm_KeepsFieldBoundaries()
    {
        // Without escaping, a separator inside one value could make two different entries hash alike.
        var first = new AuditEntry(Start, "a\",\"b", null, null, AuditAction.DataExported, null, AuditOutcome.Succeeded, null);
        var second = new AuditEntry(Start, "a", "b", null, AuditAction.DataExported, null, AuditOutcome.Succeeded, null);
        first.Append(null);
        second.Append(null);

        Assert.NotEqual(AuditChain.HashOf(first), AuditChain.HashOf(second));
    }

    [Fact]
    public void EntryWithoutDetail_KeepsTheFormItWasWrittenWith_AndADetailIsItsLastElement()
    {
        var plain = new AuditEntry(Start, null, null, null, AuditAction.DataExported, "csv", AuditOutcome.Succeeded, null);
        var detailed = new AuditEntry(Start, null, null, null, AuditAction.HubSettingsChanged, "hub", AuditOutcome.Succeeded, null, "K 5 → 3");
        plain.Append(null);
        detailed.Append(null);

        Assert.Equal(
            $"[1,\"2026-11-30T09:00:00.0000000Z\",null,null,null,\"DataExported\",\"csv\",\"Succeeded\",null,\"{AuditChain.Genesis}\"]",
            System.Text.Encoding.UTF8.GetString(AuditChain.CanonicalForm(plain)));
        Assert.EndsWith($"\"{AuditChain.Genesis}\",\"K 5 \\u2192 3\"]", System.Text.Encoding.UTF8.GetString(AuditChain.CanonicalForm(detailed)));
    }

    [Fact]
    public void RemovedDetail_BreaksTheChain()
    {
        var log = Log(3);
        var detailed = new AuditEntry(Start.AddMinutes(5), "user-3", "Administrator", null, AuditAction.HubSettingsChanged, "hub", AuditOutcome.Succeeded, null, "K 5 → 3");
        detailed.Append(log[^1]);
        log.Add(detailed);
        var next = new AuditEntry(Start.AddMinutes(6), "user-4", "Administrator", null, AuditAction.DataExported, "csv", AuditOutcome.Succeeded, null);
        next.Append(detailed);
        log.Add(next);

        Set(detailed, nameof(AuditEntry.Detail), null!);

        Assert.Equal(5, AuditChain.FirstBreak(log)?.Sequence);
    }

    [Fact]
    public void ADetailLongerThanItsColumn_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry(
            Start, null, null, null, AuditAction.HubSettingsChanged, "hub", AuditOutcome.Succeeded, null, new string('x', AuditEntry.MaxDetailLength + 1)));
    }

    [Fact]
    public void NewEntry_KeepsUtcTimeToTheMicrosecond()
    {
        var entry = new AuditEntry(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567), null, null, null,
            AuditAction.SignInFailed, null, AuditOutcome.Refused, null);

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560), entry.At);
    }

    [Fact]
    public void AppendingTwice_Throws()
    {
        var entry = Log(1)[0];

        Assert.Throws<InvalidOperationException>(() => entry.Append(null));
    }

    private static List<AuditEntry> Log(int count)
    {
        var log = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry(Start.AddMinutes(i), $"user-{i}", "Client", Guid.NewGuid(), AuditAction.ShareGranted, Guid.NewGuid().ToString(),
                AuditOutcome.Succeeded, "192.0.2.1");
            entry.Append(log.LastOrDefault());
            log.Add(entry);
        }

        return log;
    }

    /// <summary>What someone with write access to the table could do to a row.</summary>
    private static void Set(AuditEntry entry, string property, object value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);
}
