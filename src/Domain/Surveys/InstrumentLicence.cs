using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Surveys;

/// <summary>
/// An administrator's record that a hub holds the copyright holder's permission to use an instrument commercially
/// (for the WHO-5: WHO's permission, which its CC BY-NC-SA 3.0 IGO licence requires for commercial use). One record per
/// hub and instrument key covers every version of the instrument; it is never edited, only read.
/// </summary>
public sealed class InstrumentLicence : IAggregateRoot
{
    public const int MaxNoteLength = 2000;

    private InstrumentLicence()
    {
        SurveyKey = RecordedByUserId = RecordedByName = Note = string.Empty;
    }

    /// <param name="recordedAt">When the administrator recorded it (UTC).</param>
    /// <param name="note">Where the permission is kept (a reference, a date of the letter): required, up to <see cref="MaxNoteLength"/> characters.</param>
    /// <exception cref="DomainException">The instrument does not need permission, or the note is empty or too long.</exception>
    public InstrumentLicence(Guid hubId, Survey survey, string recordedByUserId, string recordedByName, DateTimeOffset recordedAt, string note)
    {
        if (!survey.Licence.NeedsPermission)
        {
            throw new DomainException($"{survey.Title} needs no licence record: its licence allows commercial use.");
        }

        note = note.Trim();
        if (note.Length == 0 || note.Length > MaxNoteLength)
        {
            throw new DomainException($"Say where the permission is kept, in {MaxNoteLength} characters or fewer.");
        }

        Id = Guid.NewGuid();
        HubId = hubId;
        SurveyKey = survey.Key;
        RecordedByUserId = recordedByUserId;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt.ToUniversalTime();
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>The instrument's key: every version of it is covered.</summary>
    public string SurveyKey { get; private set; }

    public string RecordedByUserId { get; private set; }

    /// <summary>The administrator's name when they recorded it, so the record still says who after an account is gone.</summary>
    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public string Note { get; private set; }
}
