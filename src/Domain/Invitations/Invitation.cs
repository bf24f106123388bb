using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Invitations;

/// <summary>
/// An administrator's invitation to create a sign-in account for one role in one hub, sent by e-mail as a single-use,
/// expiring link. Only the SHA-256 hash of the link's random secret is stored, so whoever reads the database cannot use a
/// pending link; the secret is drawn when the e-mail is rendered (<see cref="IssueToken"/>), so each e-mail sent
/// replaces the link of the one before.
/// </summary>
/// <remarks>
/// Single use is enforced by the persistence layer too: <see cref="UsedAt"/> and <see cref="WithdrawnAt"/> are
/// concurrency tokens, so of two requests that accept (or accept and withdraw) at once only the first is saved.
/// </remarks>
public sealed class Invitation : IAggregateRoot
{
    /// <summary>256 bits from a CSPRNG, as OWASP's forgot-password guidance asks of a reset token.</summary>
    private const int SecretBytes = 32;

    private Invitation()
    {
        Email = string.Empty;
    }

    /// <param name="email">The address the link goes to and the account's sign-in name; stored as <see cref="EmailAddresses.Normalise"/> keeps it.</param>
    /// <param name="personId">The <c>Member</c> (role Member) or <c>Professional</c> (role Professional) the account is for; null for an HR manager.</param>
    /// <param name="createdAt">UTC.</param>
    /// <param name="lifetime">How long the link works (the hub-independent setting, 7 days by default).</param>
    /// <exception cref="DomainException">No valid address, a person missing for (or given to) the role, or a lifetime that is not positive.</exception>
    public Invitation(Guid hubId, InvitedRole role, string email, Guid? personId, DateTimeOffset createdAt, TimeSpan lifetime)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            throw new DomainException("An invitation needs a valid e-mail address.");
        }

        if ((role == InvitedRole.HrManager) != (personId is null))
        {
            throw new DomainException("A member or professional invitation names its person; an HR manager invitation names none.");
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new DomainException("An invitation must stay valid for some time.");
        }

        Id = Guid.NewGuid();
        HubId = hubId;
        Role = role;
        Email = EmailAddresses.Normalise(email);
        MemberId = role == InvitedRole.Member ? personId : null;
        ProfessionalId = role == InvitedRole.Professional ? personId : null;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + lifetime;
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public InvitedRole Role { get; private set; }
    public string Email { get; private set; }
    public Guid? MemberId { get; private set; }
    public Guid? ProfessionalId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC instant from which the link no longer works.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>SHA-256 of the secret in the latest link e-mailed; null until the first e-mail is rendered.</summary>
    public byte[]? SecretHash { get; private set; }

    /// <summary>UTC at which the link created the account.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The account the link created.</summary>
    public string? UserId { get; private set; }

    /// <summary>UTC at which an administrator withdrew it.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The <see cref="Roles"/> name the account gets.</summary>
    public string AccountRole => Role switch
    {
        InvitedRole.HrManager => Roles.HrManager,
        InvitedRole.Professional => Roles.Professional,
        InvitedRole.Member => Roles.Client,
        _ => throw new InvalidOperationException($"No account role for {Role}."),
    };

    /// <summary>Where the invitation stands at <paramref name="now"/> (UTC): used and withdrawn before expired, as <see cref="InvitationState"/> orders them.</summary>
    public InvitationState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? InvitationState.Used
        : WithdrawnAt is not null ? InvitationState.Withdrawn
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>
    /// Draws a new random secret for the link about to be e-mailed and keeps only its hash; any earlier link stops working.
    /// </summary>
    /// <returns>The link's token, <c>{id}.{secret}</c> (id as 32 hex digits, secret base64url, RFC 4648 section 5), to be put in the e-mail and nowhere else.</returns>
    public string IssueToken()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        SecretHash = Hash(secret);
        return $"{Id:N}.{secret}";
    }

    /// <summary>Splits a link's token into the invitation it names and its secret; false for anything not of that shape.</summary>
    public static bool TryReadToken(string? token, out Guid id, out string secret)
    {
        var dot = token?.IndexOf('.') ?? -1;
        secret = dot < 0 ? string.Empty : token![(dot + 1)..];
        id = Guid.Empty;
        return dot >= 0 && secret.Length > 0 && Guid.TryParseExact(token.AsSpan(0, dot), "N", out id);
    }

    /// <summary>
    /// Whether <paramref name="secret"/> is the one of the latest link. The hashes are compared in constant time, so the
    /// time taken tells nothing about how much of a guess was right.
    /// </summary>
    public bool Admits(string secret) =>
        SecretHash is not null && CryptographicOperations.FixedTimeEquals(Hash(secret), SecretHash);

    /// <summary>
    /// Whether the person the invitation was recorded for can still take it: they have no account yet, their address
    /// is still the one invited, and (a member) they are active. An address corrected since (by a member import: nothing else changes one) means the link went to
    /// somebody else; a person who signed up meanwhile must not be linked to a second account.
    /// </summary>
    /// <param name="personEmail">The member's or professional's address as stored now; null for an HR manager.</param>
    /// <param name="personUserId">Their account, if they have one; null for an HR manager.</param>
    /// <param name="personActive">False for a member deactivated since (e.g. by a full import: they left the employer).</param>
    public bool StillFor(string? personEmail, string? personUserId, bool personActive = true) =>
        personActive && personUserId is null && (personEmail is null || string.Equals(personEmail, Email, StringComparison.Ordinal));

    /// <exception cref="DomainException">The person no longer fits the invitation (<see cref="StillFor"/>).</exception>
    public void EnsureStillFor(string? personEmail, string? personUserId, bool personActive = true)
    {
        if (!StillFor(personEmail, personUserId, personActive))
        {
            throw new DomainException(
                !personActive ? "This member is deactivated, so this invitation cannot be sent again: reactivate them first, or withdraw it."
                : personUserId is null ? "This person's address changed since they were invited, so this invitation cannot be sent again: withdraw it and invite them at their address."
                : "This person has an account since, so this invitation cannot be sent again: withdraw it.");
        }
    }

    /// <summary>Marks the invitation used by the account it created.</summary>
    /// <param name="now">UTC.</param>
    /// <exception cref="DomainException">It is not pending at <paramref name="now"/> (used, withdrawn or expired).</exception>
    public void Accept(DateTimeOffset now, string userId)
    {
        var state = StateAt(now);
        if (state != InvitationState.Pending)
        {
            throw new DomainException($"This invitation cannot be accepted: it is {state.ToString().ToLowerInvariant()}.");
        }

        UsedAt = now;
        UserId = userId;
    }

    /// <summary>Stops the link from working; withdrawing again changes nothing.</summary>
    /// <exception cref="DomainException">It was used: the account exists and is not undone by withdrawing.</exception>
    public void Withdraw(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            throw new DomainException("This invitation was already accepted, so it cannot be withdrawn.");
        }

        WithdrawnAt ??= now;
    }

    /// <summary>Starts the link's lifetime again from <paramref name="now"/>, for an e-mail sent again (also after it expired).</summary>
    /// <exception cref="DomainException">It was used or withdrawn.</exception>
    public void Renew(DateTimeOffset now, TimeSpan lifetime)
    {
        if (UsedAt is not null || WithdrawnAt is not null)
        {
            throw new DomainException("Only an invitation that was neither accepted nor withdrawn can be sent again.");
        }

        ExpiresAt = now + lifetime;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
