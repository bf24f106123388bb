using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Auditing.Queries.GetAuditLog;
using Wellbeing.Application.Auditing.Queries.VerifyAuditLog;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;

namespace Wellbeing.Web.Controllers;

/// <summary>The audit log for administrators: read and filtered, and its chain verified; never edited.</summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/audit")]
public sealed class AuditController(GetAuditLogHandler log, VerifyAuditLogHandler verify) : Controller
{
    /// <summary>Entries newest first, filtered by hub, user id, action and UTC days (from and to both included).</summary>
    [HttpGet("")]
    [RefusedPage("The audit log could not be shown")]
    public async Task<IActionResult> Index(
        Guid? hub,
        string? user,
        [FromQuery(Name = "action")] AuditAction? recorded, // "action" alone would bind MVC's route value, the action's name.
        DateOnly? from,
        DateOnly? to,
        int page = 1,
        CancellationToken cancellationToken = default)
    {
        ModelState.ThrowIfQueryInvalid();
        var filter = AuditFilter.OfDays(hub, user, recorded, from, to);
        return View(new AuditPage(await log.Handle(new GetAuditLogQuery(filter, page), cancellationToken), hub, filter.UserId, recorded, from, to));
    }

    /// <summary>Walks the whole chain; the answer is shown on the log's page.</summary>
    [HttpPost("verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var result = await verify.Handle(new VerifyAuditLogQuery(), cancellationToken);
        TempData["Status"] = result.Break is { } broken
            ? $"The audit log has been tampered with. First broken entry: {broken.Sequence}. {broken.Reason}"
            : $"The audit log is intact: {result.Entries} entries, each linked to the one before. The last entry's hash is {result.LastHash}.";
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>The log's page with the filters as given, for the form and the page links.</summary>
public sealed record AuditPage(AuditLogDto Log, Guid? Hub, string? User, AuditAction? Action, DateOnly? From, DateOnly? To)
{
    /// <summary>The query string of another page with the same filters.</summary>
    public string PageQuery(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["hub"] = Hub?.ToString(),
        ["user"] = User,
        ["action"] = Action?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
