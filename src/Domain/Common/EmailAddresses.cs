using System.Net.Mail;

namespace Wellbeing.Domain.Common;

/// <summary>
/// E-mail addresses as members, professionals and invitations store and compare them, and what a typed or imported
/// address must be to be sent to.
/// </summary>
public static class EmailAddresses
{
    /// <summary>
    /// An address as stored and compared: trimmed and lower-cased (invariant culture). RFC 5321 section 2.4 allows a
    /// server to tell local parts apart by case but discourages relying on it; HR files and administrators type the same
    /// address in any case, and one person must not become two members, professionals or invitations over it.
    /// </summary>
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();

    /// <summary>
    /// Whether <paramref name="address"/> is a bare address (no display name, no comments) that .NET's RFC 5322 parser
    /// reads back unchanged, with a dot in the domain: what a mail server can deliver to. A display name
    /// (<c>Ada &lt;ada@example.org&gt;</c>) or a host without a dot (<c>ada@localhost</c>) holds an '@' like an address,
    /// so it would otherwise pass.
    /// </summary>
    public static bool IsDeliverable(string address) =>
        MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.EndsWith('.');
}
