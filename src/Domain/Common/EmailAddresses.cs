namespace Wellbeing.Domain.Common;

/// <summary>
/// E-mail addresses as members, professionals and invitations store and compare them.
/// </summary>
public static class EmailAddresses
{
    /// <summary>
    /// An address as stored and compared: trimmed and lower-cased (invariant culture). RFC 5321 section 2.4 allows a
    /// server to tell local parts apart by case but discourages relying on it; HR files and administrators type the same
    /// address in any case, and one person must not become two members, professionals or invitations over it.
    /// </summary>
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();
}
