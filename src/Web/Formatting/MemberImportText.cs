using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Web.Formatting;

/// <summary>How an import's status reads on its pages.</summary>
public static class MemberImportText
{
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Status(MemberImportStatus status) => status switch
    {
        MemberImportStatus.AwaitingConfirmation => "Checked: waiting for your confirmation",
        MemberImportStatus.Running => "Importing",
        MemberImportStatus.Completed => "Completed",
        MemberImportStatus.Refused => "Stopped: nothing was changed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an import status."),
    };
}
