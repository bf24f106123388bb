using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Members.Imports;

/// <summary>
/// What an administrator or an HR file says about a member, normalised as <see cref="Member"/> stores it: the name
/// trimmed, the department as <see cref="Member.NormaliseDepartment"/> keeps it (an empty department is none), the
/// e-mail trimmed and lower-cased. Two equal values mean the
/// stored member need not change.
/// </summary>
public sealed record MemberDetails
{
    private MemberDetails(string displayName, string email, string? department)
    {
        DisplayName = displayName;
        Email = email;
        Department = department;
    }

    /// <summary>Why a name holding a tab, line break or other control character is refused.</summary>
    public const string NameControlCharacters = "A name cannot hold tabs, line breaks or other control characters.";

    public string DisplayName { get; }
    public string Email { get; }
    public string? Department { get; }

    /// <exception cref="DomainException">The name is empty or holds a control character, the e-mail has no '@', or <see cref="Member.NormaliseDepartment"/> refuses the department.</exception>
    public static MemberDetails Of(string displayName, string email, string? department)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException("A member needs a name.");
        }

        if (displayName.Any(char.IsControl))
        {
            // A tab or line break pasted into a name splits the lists and exports that show it.
            throw new DomainException(NameControlCharacters);
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            throw new DomainException("A member needs a valid e-mail address.");
        }

        return new MemberDetails(displayName.Trim(), email.Trim().ToLowerInvariant(), Member.NormaliseDepartment(department));
    }
}
