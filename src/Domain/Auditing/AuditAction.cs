namespace Wellbeing.Domain.Auditing;

/// <summary>
/// What an audit entry records. Stored by name, so the numbers may change but a name never may: the names are part of
/// every entry's hashed canonical form.
/// </summary>
public enum AuditAction
{
    /// <summary>A client let a professional see a measure; the object is the share grant.</summary>
    ShareGranted,

    /// <summary>A client stopped sharing a measure, or an administrator disconnected them from the professional; the object is the share grant.</summary>
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

    /// <summary>
    /// An administrator changed a hub's name, organisation, short name, time zone or settings; the object is the hub,
    /// the detail each setting changed with its old and new value (names only as "changed"; see Hubs.HubChanges).
    /// </summary>
    HubSettingsChanged,

    /// <summary>An administrator recorded that a hub holds an instrument's licence; the object is the instrument's key.</summary>
    InstrumentLicenceRecorded,

    /// <summary>An administrator deactivated a member; the object is the member.</summary>
    MemberDeactivated,

    /// <summary>An administrator reactivated a deactivated member, on the members page or by a member import that names them (the user is who confirmed it); the object is the member.</summary>
    MemberReactivated,

    /// <summary>An administrator moved a member to another department (or none); the object is the member, never the department.</summary>
    MemberDepartmentChanged,

    /// <summary>An administrator added an existing professional to a hub; the object is the professional.</summary>
    ProfessionalAddedToHub,

    /// <summary>An administrator took a professional out of a hub; the object is the professional.</summary>
    ProfessionalRemovedFromHub,

    /// <summary>An administrator connected a member to a professional; the object is the connection.</summary>
    ClientConnected,

    /// <summary>An administrator ended a member's connection to a professional; the object is the connection.</summary>
    ClientDisconnected,

    /// <summary>An administrator imported a new instrument version; the object is "key|version" (e.g. "who-5|2"). A re-upload of a version already loaded stores nothing and is not recorded.</summary>
    InstrumentImported,

    /// <summary>An administrator invited someone (one entry per invitation, also from "invite every member"); the object is the invitation.</summary>
    InvitationSent,

    /// <summary>An administrator sent an invitation again with a new link and expiry; the object is the invitation.</summary>
    InvitationResent,

    /// <summary>An administrator withdrew an invitation; the object is the invitation.</summary>
    InvitationWithdrawn,

    /// <summary>An invitation's link created its account; the user is that new account, the object the invitation.</summary>
    InvitationAccepted,

    /// <summary>An administrator invited a professional who already has an account, who joined the hub instead; the object is the professional.</summary>
    ProfessionalJoinedHub,

    /// <summary>An administrator confirmed a member import, which a job then writes; the object is the import.</summary>
    MemberImportStarted,

    /// <summary>
    /// A member import finished (or, refused, stopped before writing); the object is the import and its counts, as
    /// <c>{importId} created=… matched=… updated=… unchanged=… reactivated=… deactivated=… rejected=…</c> (matched: members
    /// without an external id matched by e-mail address; reactivated: also counted as matched or updated, and each has
    /// its own <see cref="MemberReactivated"/> entry). The user is who confirmed it.
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
