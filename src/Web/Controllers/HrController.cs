using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Hr.Queries.GetHrDashboard;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>HR statistics of the manager's own hub; any other hub is "not found", never "forbidden".</summary>
[Authorize(Policy = Roles.HrManager)]
public sealed class HrController(GetHrDashboardHandler dashboard) : Controller
{
    [HttpGet("hr")]
    public IActionResult Own() => RedirectToAction(nameof(Hub), new { hubId = User.HrHubId() });

    [HttpGet("hubs/{hubId:guid}/hr")]
    public async Task<IActionResult> Hub(Guid hubId, CancellationToken cancellationToken) =>
        View(await LoadAsync(hubId, cancellationToken));

    /// <summary>Exactly the figures of the page with the same filter; a hidden figure is an empty field.</summary>
    [HttpGet("hubs/{hubId:guid}/hr/export.csv")]
    public async Task<IActionResult> Export(Guid hubId, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(hubId, cancellationToken);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))
        {
            csv.WriteRecord(["Scope", "As of (UTC)", "Section", "Figure", "Period", "Value"]);
            foreach (var row in model.Rows())
            {
                csv.WriteRecord([
                    row.Scope,
                    row.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    row.Section,
                    row.Figure,
                    row.Period ?? string.Empty,
                    row.Value?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
                ]);
            }
        }

        var name = model.Department is null ? "hub-statistics.csv" : "hub-statistics-department.csv";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", name);
    }

    private async Task<HrDashboardDto> LoadAsync(Guid hubId, CancellationToken cancellationToken)
    {
        if (User.HrHubId() != hubId)
        {
            throw new NotFoundException("Hub");
        }

        return await dashboard.Handle(new GetHrDashboardQuery(hubId, [.. Request.Query["department"].OfType<string>()]), cancellationToken);
    }
}
