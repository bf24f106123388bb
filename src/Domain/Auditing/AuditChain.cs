using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Wellbeing.Domain.Auditing;

/// <summary>
/// The hash chain that makes the audit log tamper-evident, as in a hash-linked log (Haber and Stornetta, "How to
/// time-stamp a digital document", J. Cryptology 3, 1991): each entry carries the SHA-256 (FIPS 180-4) of its
/// predecessor's canonical form, which includes the predecessor's own link, so changing, removing or moving any entry
/// breaks every link from there on unless all later entries are rewritten. Removing entries from the end leaves no
/// trace in the chain itself; keeping the latest sequence and hash elsewhere (a report, a ticket) covers that.
/// </summary>
public static class AuditChain
{
    /// <summary>The link of the first entry: 64 zeros, the hash of nothing.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The entry as the bytes that are hashed: UTF-8 JSON (RFC 8259) array of every field in a fixed order, strings
    /// escaped by the JSON rules so that no value can pass for a field boundary; the time as ISO 8601 UTC with seven
    /// fractional digits, enums by name, a missing value as null. The detail, added to the log later, is a last element
    /// only when the entry has one: entries without it keep the form, and so the hashes, they were written with, and an
    /// array one element shorter or longer is another form, so a detail removed or added breaks the chain too.
    /// </summary>
    public static byte[] CanonicalForm(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            WriteOrNull(json, entry.UserId);
            WriteOrNull(json, entry.Role);
            WriteOrNull(json, entry.HubId?.ToString("D"));
            json.WriteStringValue(entry.Action.ToString());
            WriteOrNull(json, entry.ObjectId);
            json.WriteStringValue(entry.Outcome.ToString());
            WriteOrNull(json, entry.RemoteAddress);
            json.WriteStringValue(entry.PreviousHash);
            if (entry.Detail is not null)
            {
                json.WriteStringValue(entry.Detail);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of <see cref="CanonicalForm"/>, as 64 lowercase hex digits.</summary>
    public static string HashOf(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(CanonicalForm(entry)));

    /// <summary>
    /// Checks one link: <paramref name="entry"/> must follow <paramref name="previous"/> (null for the log's first entry)
    /// by sequence and carry its hash.
    /// </summary>
    /// <returns>Null when the link holds, else why it does not.</returns>
    public static AuditBreak? Check(AuditEntry? previous, AuditEntry entry)
    {
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expectedSequence)
        {
            return new AuditBreak(entry.Sequence, $"Entry {entry.Sequence} stands where entry {expectedSequence} should: an entry was deleted or moved.");
        }

        var expectedHash = previous is null ? Genesis : HashOf(previous);
        return string.Equals(entry.PreviousHash, expectedHash, StringComparison.Ordinal)
            ? null
            : new AuditBreak(entry.Sequence, previous is null
                ? $"Entry {entry.Sequence} does not start the log: entries before it were deleted."
                : $"Entry {entry.Sequence} does not carry the hash of entry {previous.Sequence}: entry {previous.Sequence} was edited, or either was replaced.");
    }

    /// <summary>
    /// The first broken link of a log read in sequence order; null when the whole chain holds. A long log may be checked
    /// in parts: pass the last entry of the part before as <paramref name="previous"/>.
    /// </summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditEntry> entriesInSequenceOrder, AuditEntry? previous = null)
    {
        foreach (var entry in entriesInSequenceOrder)
        {
            if (Check(previous, entry) is { } broken)
            {
                return broken;
            }

            previous = entry;
        }

        return null;
    }

    private static void WriteOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}

/// <summary>Where the audit chain breaks: the sequence number of the first entry whose link does not hold, and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
