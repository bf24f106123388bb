using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Web.Models;

/// <param name="HubId">The hub edited; null on the new hub form.</param>
/// <param name="Form">The values shown: the stored ones, or those posted when the form is redrawn.</param>
/// <param name="FiguresPublished">Whether k, k_dist and the reporting period may only be raised.</param>
public sealed record HubPage(Guid? HubId, HubForm Form, bool FiguresPublished)
{
    /// <summary>The IANA zones this server knows, the ones a hub may use.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    /// <summary>The new hub form: the default settings, and a fresh id so that sending it twice creates one hub.</summary>
    public static HubPage New() => new(null, HubForm.From(Guid.NewGuid(), HubInput.Blank()), FiguresPublished: false);

    /// <summary>
    /// Puts each of the domain's messages beside its field, under the name the form's input carries
    /// (<c>Form.&lt;HubField&gt;</c>: <see cref="HubForm"/>'s properties are named after the fields).
    /// </summary>
    public static void AddRefusal(ModelStateDictionary modelState, HubRefusedException refused)
    {
        foreach (var error in refused.Errors)
        {
            modelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
        }
    }
}

/// <summary>
/// The hub form as posted. Each property is named after its <see cref="HubField"/>, so the domain's message for a field
/// lands beside it; values are nullable so that what was typed is redrawn even when it is not a number.
/// </summary>
public sealed record HubForm
{
    private const string EnterNumber = "Enter a whole number.";

    /// <summary>The new hub's id, drawn with the form and kept when it is redrawn, so that sending it twice creates one hub.</summary>
    public Guid? HubId { get; init; }

    /// <summary>
    /// The edited hub's version when the form was drawn (Hub.Version), so that a save over someone else's is refused;
    /// a form without it (0) matches no hub.
    /// </summary>
    public int? Version { get; init; }

    public string? Name { get; init; }
    public string? Organisation { get; init; }
    public string? Slug { get; init; }
    public string? TimeZoneId { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? K { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? KDistribution { get; init; }

    [Required(ErrorMessage = "Choose month or quarter.")]
    public ReportingPeriodLength? ReportingPeriod { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? ReminderCadenceDays { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? WellbeingFollowUpDays { get; init; }

    [Required(ErrorMessage = "Enter a time such as 08:00.")]
    public TimeOnly? SendingHoursStart { get; init; }

    [Required(ErrorMessage = "Enter a time such as 20:00.")]
    public TimeOnly? SendingHoursEnd { get; init; }

    [Required(ErrorMessage = "Choose how often sessions are rated.")]
    public AllianceCadence? AllianceCadence { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? InvitationExpiryDays { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? AllianceReminderAfterDays { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? PoorUpTo { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? ModerateUpTo { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? TrendThreshold { get; init; }

    [Required(ErrorMessage = "Enter a number such as 4 or 4.5.")]
    public decimal? AllianceLowThreshold { get; init; }

    [Required(ErrorMessage = "Enter a number such as 1 or 0.5.")]
    public decimal? AllianceDropThreshold { get; init; }

    [Required(ErrorMessage = EnterNumber)]
    public int? LowParticipationPercent { get; init; }

    public static HubForm From(Guid? hubId, HubInput hub)
    {
        var settings = hub.Settings;
        return new HubForm
        {
            HubId = hubId,
            Name = hub.Name,
            Organisation = hub.Organisation,
            Slug = hub.Slug,
            TimeZoneId = hub.TimeZoneId,
            K = settings.K,
            KDistribution = settings.KDistribution,
            ReportingPeriod = settings.ReportingPeriod,
            ReminderCadenceDays = settings.ReminderCadenceDays,
            WellbeingFollowUpDays = settings.WellbeingFollowUpDays,
            SendingHoursStart = settings.SendingHoursStart,
            SendingHoursEnd = settings.SendingHoursEnd,
            AllianceCadence = settings.AllianceCadence,
            InvitationExpiryDays = settings.InvitationExpiryDays,
            AllianceReminderAfterDays = settings.AllianceReminderAfterDays,
            PoorUpTo = settings.PoorUpTo,
            ModerateUpTo = settings.ModerateUpTo,
            TrendThreshold = settings.TrendThreshold,
            AllianceLowThreshold = settings.AllianceLowThreshold,
            AllianceDropThreshold = settings.AllianceDropThreshold,
            LowParticipationPercent = settings.LowParticipationPercent,
        };
    }

    /// <summary>The input for the use case; call only once the model state is valid (every setting given).</summary>
    public HubInput ToInput() => new(
        Name ?? string.Empty,
        Organisation ?? string.Empty,
        Slug ?? string.Empty,
        TimeZoneId ?? string.Empty,
        new HubSettingsInput(
            Given(K),
            Given(KDistribution),
            Given(ReportingPeriod),
            Given(ReminderCadenceDays),
            Given(WellbeingFollowUpDays),
            Given(SendingHoursStart),
            Given(SendingHoursEnd),
            Given(AllianceCadence),
            Given(InvitationExpiryDays),
            Given(AllianceReminderAfterDays),
            Given(PoorUpTo),
            Given(ModerateUpTo),
            Given(TrendThreshold),
            Given(AllianceLowThreshold),
            Given(AllianceDropThreshold),
            Given(LowParticipationPercent)));

    private static T Given<T>(T? value)
        where T : struct =>
        value ?? throw new InvalidOperationException("Every setting is [Required]: read the form only once the model state is valid.");
}
