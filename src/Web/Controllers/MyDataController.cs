using Wellbeing.Application.Auditing;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Accounts;
using Wellbeing.Application.Clients.Commands.ChangeReminders;
using Wellbeing.Application.Clients.Commands.DeleteMyAccount;
using Wellbeing.Application.Clients.Queries.ExportMyData;
using Wellbeing.Application.Clients.Queries.GetMyData;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Messaging;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The client's own data: download it, delete it, and choose which e-mails to receive.</summary>
[Authorize(Policy = Roles.Client)]
public sealed class MyDataController(
    GetMyDataHandler overview,
    ExportMyDataHandler export,
    IFhirExport fhir,
    ChangeRemindersHandler reminders,
    DeleteMyAccountHandler delete,
    IAccountSignIn accounts) : Controller
{
    private static readonly JsonSerializerOptions ExportOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [HttpGet("my-data")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await overview.Handle(new GetMyDataQuery(User.Id()), cancellationToken));

    [HttpGet("my-data/export.json")]
    public async Task<IActionResult> ExportJson(CancellationToken cancellationToken)
    {
        var data = await export.Handle(new ExportMyDataQuery(User.Id(), DataExports.MyDataJson), cancellationToken);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, ExportOptions), "application/json", "my-wellbeing-data.json");
    }

    [HttpGet("my-data/export.fhir.json")]
    public async Task<IActionResult> ExportFhir(CancellationToken cancellationToken)
    {
        var data = await export.Handle(new ExportMyDataQuery(User.Id(), DataExports.MyDataFhir), cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(fhir.QuestionnaireResponseBundle(data)), "application/fhir+json", "my-wellbeing-data.fhir.json");
    }

    /// <summary>The confirmation is the ticked box on the same form; without it nothing is deleted.</summary>
    [HttpPost("my-data/delete")]
    public async Task<IActionResult> Delete(bool confirm, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !confirm)
        {
            ModelState.TryAddModelError("confirm", "Tick the box to confirm that you want to delete your account and all your data.");
            return await RedrawAsync(cancellationToken);
        }

        await delete.Handle(new DeleteMyAccountCommand(User.Id()), cancellationToken);

        // The account's sessions went with it; this removes the cookie that named one.
        await accounts.SignOutAsync(User, cancellationToken);
        return Redirect("/my-data/deleted");
    }

    [AllowAnonymous]
    [HttpGet("my-data/deleted")]
    public IActionResult Deleted() => View();

    /// <summary>
    /// Turns one topic's e-mails on or off. The topic is read by its name only (MVC's enum binding would also take "1"
    /// or "0,1"); a missing or unknown one reaches the use case as null and is refused there (400 page). A missing
    /// <paramref name="remind"/> is refused too, rather than read as "off".
    /// </summary>
    [HttpPost("reminders")]
    [RefusedPage("E-mail choices were not changed")]
    public async Task<IActionResult> Reminders(string? topic, bool? remind, CancellationToken cancellationToken)
    {
        if (remind is null && ModelState.IsValid)
        {
            ModelState.TryAddModelError(nameof(remind), "Choose whether to receive these e-mails.");
        }

        if (!ModelState.IsValid || remind is not { } receive)
        {
            return await RedrawAsync(cancellationToken);
        }

        var chosen = Enum.GetValues<EmailTopic>().Select(t => (EmailTopic?)t).FirstOrDefault(t => t.ToString() == topic);
        await reminders.Handle(new ChangeRemindersCommand(User.Id(), chosen, receive), cancellationToken);
        return Redirect("/my-data");
    }

    private async Task<ViewResult> RedrawAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await overview.Handle(new GetMyDataQuery(User.Id()), cancellationToken));
    }
}
