using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Hr;
using Wellbeing.Application.Hr.Queries.ExportHrFigures;
using Wellbeing.Application.Hr.Queries.GetHrDashboard;
using Wellbeing.Domain.Accounts;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>HR statistics of the manager's own hub; any other hub is "not found", never "forbidden".</summary>
[Authorize(Policy = Roles.HrManager)]
[RefusedPage("The statistics could not be shown")]
public sealed class HrController(GetHrDashboardHandler dashboard, ExportHrFiguresHandler export) : Controller
{
    [HttpGet("hr")]
    public IActionResult Own() => RedirectToAction(nameof(Hub), new { hubId = User.HrHubId() });

    [HttpGet("hubs/{hubId:guid}/hr")]
    public async Task<IActionResult> Hub(Guid hubId, string? period, CancellationToken cancellationToken) =>
        View(await dashboard.Handle(DashboardQuery(hubId, period), cancellationToken));

    /// <summary>
    /// Exactly the figures of the page with the same filter, one row each; a hidden figure is an empty value. Text that
    /// a spreadsheet would run as a formula (a leading = + - @ tab or CR) is escaped by CsvHelper (OWASP CSV injection).
    /// </summary>
    [HttpGet("hubs/{hubId:guid}/hr/export.csv")]
    public async Task<IActionResult> Export(Guid hubId, string? period, CancellationToken cancellationToken)
    {
        var model = await export.Handle(new ExportHrFiguresQuery(DashboardQuery(hubId, period)), cancellationToken);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(["Period", "Scope", "Section", "Figure", "Value"]);
            foreach (var cell in model.Cells())
            {
                var label = PublishedFigures.Label(cell);
                csv.WriteRecord([
                    cell.Period == PublishedFigures.AllPublishedPeriods ? "All published periods" : cell.Period,
                    cell.ScopeName,
                    label.Section,
                    label.Figure,
                    cell.Value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty,
                ]);
            }
        }

        var name = model.Department is null ? "hub-statistics.csv" : "hub-statistics-department.csv";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", name);
    }

    // The period is bound, so one given twice is refused (SingleValueBinderProvider) as a second department is.
    private GetHrDashboardQuery DashboardQuery(Guid hubId, string? period)
    {
        if (User.HrHubId() != hubId)
        {
            throw new NotFoundException("Hub");
        }

        ModelState.ThrowIfQueryInvalid();

        return new GetHrDashboardQuery(hubId, [.. Request.Query["department"].OfType<string>()], period);
    }
}
