using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Members.Imports;

/// <summary>
/// What an administrator or an HR file says about a member, normalised as <see cref="Member"/> stores it: the name
/// trimmed with runs of white space (a wrapped cell's line break, a tab) as one space, the department as <see cref="Member.NormaliseDepartment"/> keeps it (an empty department is none), the
/// e-mail as <see cref="EmailAddresses.Normalise"/> keeps it. Two equal values mean the
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

    /// <summary>Why a name holding a control character other than white space is refused.</summary>
    public const string NameControlCharacters = "A name cannot hold control characters.";

    /// <summary>
    /// A control character that is not white space (a NUL, a bell, an escape): refused in names and departments. Tabs
    /// and line breaks are white space: a spreadsheet cell that wraps is one line once runs of white space are one space.
    /// </summary>
    public static bool IsForbiddenControl(char c) => char.IsControl(c) && !char.IsWhiteSpace(c);

    public string DisplayName { get; }
    public string Email { get; }
    public string? Department { get; }

    /// <exception cref="DomainException">The name is empty or holds a control character other than white space, the e-mail has no '@', or <see cref="Member.NormaliseDepartment"/> refuses the department.</exception>
    public static MemberDetails Of(string displayName, string email, string? department)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException("A member needs a name.");
        }

        if (displayName.Any(IsForbiddenControl))
        {
            throw new DomainException(NameControlCharacters);
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            throw new DomainException("A member needs a valid e-mail address.");
        }

        return new MemberDetails(string.Join(' ', displayName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), EmailAddresses.Normalise(email), Member.NormaliseDepartment(department));
    }
}
