namespace Wellbeing.Domain.Auditing;

/// <summary>
/// What an audit entry records. Stored by name, so the numbers may change but a name never may: the names are part of
/// every entry's hashed canonical form.
/// </summary>
public enum AuditAction
{
    /// <summary>A client let a professional see a measure; the object is the share grant.</summary>
    ShareGranted,

    /// <summary>A client stopped sharing a measure; the object is the share grant.</summary>
    ShareRevoked,

    /// <summary>A professional opened a client's profile with its shared scores; the object is the member.</summary>
    ScoresViewed,

    /// <summary>A client downloaded their data, or an HR manager the hub's figures; the object names the format.</summary>
    DataExported,

    /// <summary>An administrator registered a partner system; the object is its OAuth client id.</summary>
    PartnerClientRegistered,

    /// <summary>An administrator removed a partner system; the object is its OAuth client id.</summary>
    PartnerClientRemoved,

    /// <summary>A wrong e-mail or password; the user is the account when the e-mail names one, nobody otherwise.</summary>
    SignInFailed,

    /// <summary>A sign-in or password attempt over the per-address throttle.</summary>
    SignInThrottled,

    /// <summary>A client deleted their account and all personal data; the object is the member.</summary>
    AccountDeleted,

    /// <summary>An administrator asked for closed reporting periods to be published now; the object is the queued job.</summary>
    PublicationRequested,

    /// <summary>An administrator created a hub; the object is the hub.</summary>
    HubCreated,

    /// <summary>An administrator changed a hub's name, organisation, short name, time zone or settings; the object is the hub.</summary>
    HubSettingsChanged,

    /// <summary>An administrator recorded that a hub holds an instrument's licence; the object is the instrument's key.</summary>
    InstrumentLicenceRecorded,

    /// <summary>An administrator confirmed a member import, which a job then writes; the object is the import.</summary>
    MemberImportStarted,

    /// <summary>
    /// A member import finished (or, refused, stopped before writing); the object is the import and its counts, as
    /// <c>{importId} created=… updated=… unchanged=… deactivated=… rejected=…</c>. The user is who confirmed it.
    /// </summary>
    MemberImportCompleted,

    /// <summary>A full member import deactivated a member missing from its file; the object is the member. The user is who confirmed it.</summary>
    MemberDeactivatedByImport,
}

/// <summary>Whether the recorded action took effect.</summary>
public enum AuditOutcome
{
    Succeeded,

    /// <summary>Refused: a wrong password, a throttled attempt.</summary>
    Refused,
}
