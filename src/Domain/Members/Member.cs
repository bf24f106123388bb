using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Text;

namespace Wellbeing.Domain.Members;

/// <summary>A client: an employee enrolled in a hub. Only they fill in questionnaires about themselves.</summary>
public sealed class Member : IAggregateRoot
{
    private Member()
    {
        DisplayName = string.Empty;
        SearchKey = string.Empty;
        Email = string.Empty;
    }

    /// <summary>The longest department name kept (the column's length).</summary>
    public const int DepartmentMaxLength = 200;

    /// <exception cref="DomainException">No name, no e-mail address, or a department <see cref="NormaliseDepartment"/> refuses (<see cref="MemberDetails.Of"/>).</exception>
    public Member(Guid hubId, string displayName, string email, DateTimeOffset enrolledAt, string? department = null, string? externalId = null)
        : this(hubId, MemberDetails.Of(displayName, email, department), enrolledAt, externalId)
    {
    }

    public Member(Guid hubId, MemberDetails details, DateTimeOffset enrolledAt, string? externalId = null)
    {
        Id = Guid.NewGuid();
        HubId = hubId;
        DisplayName = details.DisplayName;
        SearchKey = TextFolding.Fold(DisplayName);
        Email = details.Email;
        Department = details.Department;
        EnrolledAt = enrolledAt;
        ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>The sign-in account; empty until the member has one, and after the member deletes their account.</summary>
    public string? UserId { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>
    /// <see cref="DisplayName"/> folded by <see cref="TextFolding.Fold"/>, kept beside it so that a search compares
    /// folded text in the database whatever the provider's own idea of case and accents.
    /// </summary>
    public string SearchKey { get; private set; }

    public string Email { get; private set; }

    /// <summary>
    /// The member's id in the employer's HR system (a member import's external_id column, or typed when inviting), unique
    /// in the hub: importing a file again updates the member it names instead of enrolling them twice.
    /// </summary>
    public string? ExternalId { get; private set; }

    /// <summary>The one segment attribute HR may filter by, when the privacy rules allow it.</summary>
    public string? Department { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>The member turned off Wellbeing Index reminders and follow-ups (<see cref="EmailTopic.WellbeingIndex"/>).</summary>
    public bool WellbeingEmailsOff { get; private set; }

    /// <summary>The member turned off alliance survey invitations and their reminders (<see cref="EmailTopic.AllianceSurvey"/>).</summary>
    public bool AllianceEmailsOff { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>Name, e-mail and department as <see cref="MemberDetails"/> compares them.</summary>
    public MemberDetails Details => MemberDetails.Of(DisplayName, Email, Department);

    /// <summary>Takes the name, e-mail and department an HR file gives (an import); the search key follows the name.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Correct(MemberDetails details)
    {
        if (details == Details)
        {
            return false;
        }

        DisplayName = details.DisplayName;
        SearchKey = TextFolding.Fold(DisplayName);
        Email = details.Email;
        Department = details.Department;
        return true;
    }

    /// <summary>
    /// Gives a member enrolled by invitation the HR system's id of the row an import matched them to by e-mail address
    /// (<see cref="ImportRowAction.MatchByEmail"/>), so later files find them by id. The same id again changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="DomainException">The member has another external id: the file may not re-key an employee.</exception>
    public void AdoptExternalId(string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        var id = externalId.Trim();
        if (ExternalId is not null && !string.Equals(ExternalId, id, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("This member already has another external id.");
        }

        ExternalId ??= id;
    }

    /// <summary>
    /// Whether the member still wants this kind of e-mail: an active member who has not turned off its topic
    /// (<see cref="EmailTopics.Of"/>; only the <see cref="EmailTopics.Nudges"/> have one). Every such kind is a nudge back to a questionnaire, so a member who turned a topic off
    /// gets none of its e-mails: nothing we send is one they must get. A member without a sign-in account yet could not
    /// follow the link, so they get nothing either.
    /// </summary>
    public bool Wants(MessageKind kind) => IsActive && UserId is not null && Receives(EmailTopics.Of(kind));

    /// <summary>The member's own choice for a topic, whatever their account or activity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topic"/> is not a defined <see cref="EmailTopic"/>.</exception>
    public bool Receives(EmailTopic topic) => topic switch
    {
        EmailTopic.WellbeingIndex => !WellbeingEmailsOff,
        EmailTopic.AllianceSurvey => !AllianceEmailsOff,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not an e-mail topic."),
    };

    /// <summary>Links the member's sign-in account; linking the same account again changes nothing.</summary>
    /// <exception cref="DomainException">The member already has another account: one person, one account, never taken over by a second.</exception>
    public void LinkAccount(string userId)
    {
        if (UserId is not null && UserId != userId)
        {
            throw new DomainException("This member already has an account.");
        }

        UserId = userId;
    }

    /// <summary>Turns a topic's e-mails on (<paramref name="receive"/> true) or off; setting the current choice again changes nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topic"/> is not a defined <see cref="EmailTopic"/>.</exception>
    public void ChooseEmails(EmailTopic topic, bool receive)
    {
        switch (topic)
        {
            case EmailTopic.WellbeingIndex:
                WellbeingEmailsOff = !receive;
                break;
            case EmailTopic.AllianceSurvey:
                AllianceEmailsOff = !receive;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not an e-mail topic.");
        }
    }

    /// <summary>
    /// Takes the member out of the programme from <paramref name="at"/> (UTC): no more e-mails, no place on a
    /// professional's list, and no enrolment in reporting periods that start afterwards. Deactivating again keeps the
    /// first time.
    /// </summary>
    public void Deactivate(DateTimeOffset at) => DeactivatedAt ??= at;

    /// <summary>
    /// Brings a deactivated member back; an active one stays as they are. <see cref="EnrolledAt"/> is kept, so a
    /// period published after this counts the member as enrolled since then (docs/decisions/0006, "Changing people").
    /// </summary>
    public void Reactivate() => DeactivatedAt = null;

    /// <summary>
    /// Moves the member to <paramref name="department"/> (none when empty). Published HR figures keep the department
    /// the member had when each period was published; periods published later use the new one.
    /// </summary>
    /// <exception cref="DomainException">The name is too long or holds a control character (<see cref="NormaliseDepartment"/>).</exception>
    public void ChangeDepartment(string? department) => Department = NormaliseDepartment(department);

    /// <summary>
    /// A department as stored: trimmed, runs of white space as one space (so "Sales " and "Sales" are one department
    /// in HR figures, and a spreadsheet cell that wraps, or a pasted tab, becomes one line rather than splitting the HR
    /// selector and the export's rows), null when empty. Case is kept: HR reads the name as typed.
    /// </summary>
    /// <exception cref="DomainException">Over <see cref="DepartmentMaxLength"/> characters, or a control character other than white space (<see cref="MemberDetails.IsForbiddenControl"/>).</exception>
    public static string? NormaliseDepartment(string? department)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        if (department.Any(MemberDetails.IsForbiddenControl))
        {
            throw new DomainException("A department name cannot hold control characters.");
        }

        var normalised = string.Join(' ', department.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (normalised.Length > DepartmentMaxLength)
        {
            throw new DomainException($"A department name has at most {DepartmentMaxLength} characters.");
        }

        return normalised;
    }
}
