using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.ChangeHubSettings;
using Wellbeing.Application.Administration.Commands.CreateHub;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Administration.Queries.GetHub;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;
using Wellbeing.Web.Errors;

namespace Wellbeing.Web.Controllers;

/// <summary>Administrators create a hub and edit its name, organisation, short name, time zone and settings.</summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs")]
public sealed class HubsController(GetHubHandler hub, CreateHubHandler create, ChangeHubSettingsHandler change) : Controller
{
    private const string Saved = "Status";

    [HttpGet("new")]
    public IActionResult New() =>
        View("Form", new HubPage(null, HubForm.From(Guid.NewGuid(), HubInput.Blank()), FiguresPublished: false));

    [HttpPost("")]
    [RefusedPage("The hub was not created")]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(HubPage.Form))] HubForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var id = await create.Handle(new CreateHubCommand(form.HubId ?? Guid.Empty, form.ToInput()), cancellationToken);
                TempData[Saved] = "The hub was created. Its settings can be changed here.";
                return Redirect($"/admin/hubs/{id}");
            }
            catch (HubRefusedException refused)
            {
                AddErrors(refused);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", new HubPage(null, form, FiguresPublished: false));
    }

    [HttpGet("{hubId:guid}")]
    public async Task<IActionResult> Edit(Guid hubId, CancellationToken cancellationToken)
    {
        var stored = await hub.Handle(new GetHubQuery(hubId), cancellationToken);
        return View("Form", new HubPage(hubId, HubForm.From(hubId: null, stored.Hub), stored.FiguresPublished));
    }

    [HttpPost("{hubId:guid}")]
    [RefusedPage("The hub was not changed")]
    public async Task<IActionResult> Change(Guid hubId, [Bind(Prefix = nameof(HubPage.Form))] HubForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await change.Handle(new ChangeHubSettingsCommand(hubId, form.ToInput()), cancellationToken);
                TempData[Saved] = "The changes were saved.";
                return Redirect($"/admin/hubs/{hubId}");
            }
            catch (HubRefusedException refused)
            {
                AddErrors(refused);
            }
        }

        // Read again so that a hub that does not exist is a 404 here too, and the published-figures note is current.
        var stored = await hub.Handle(new GetHubQuery(hubId), cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", new HubPage(hubId, form, stored.FiguresPublished));
    }

    /// <summary>Each message goes beside its field; the form's inputs are named after the fields (<see cref="HubForm"/>).</summary>
    private void AddErrors(HubRefusedException refused)
    {
        foreach (var error in refused.Errors)
        {
            ModelState.AddModelError($"{nameof(HubPage.Form)}.{error.Field}", error.Message);
        }
    }
}

/// <param name="HubId">The hub edited; null on the new hub form.</param>
/// <param name="Form">The values shown: the stored ones, or those posted when the form is redrawn.</param>
/// <param name="FiguresPublished">Whether k, k_dist and the reporting period may only be raised.</param>
public sealed record HubPage(Guid? HubId, HubForm Form, bool FiguresPublished)
{
    /// <summary>The IANA zones this server knows, the ones a hub may use.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];
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
