using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// Administrators import a hub's members from a CSV file: upload (checked at once), preview the counts, confirm, then
/// watch the job's progress (htmx polling) to its summary; rejected rows can be downloaded as a CSV report.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs/{hubId:guid}/imports")]
public sealed class MemberImportsController(
    GetMemberImportsHandler list,
    GetMemberImportHandler one,
    GetMemberImportErrorReportHandler errors,
    UploadMemberImportHandler upload,
    ConfirmMemberImportHandler confirm) : Controller
{
    /// <summary>The request may carry the 50 MB file plus the form's other fields and the multipart framing.</summary>
    public const long RequestLimit = MemberImportRules.MaxBytes + (64 * 1024);

    public const string FileField = "file";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid hubId, CancellationToken cancellationToken) =>
        View("Index", await list.Handle(new GetMemberImportsQuery(hubId), cancellationToken));

    [HttpPost("")]
    [UploadLimit(RequestLimit, MemberImportLimits.TooLarge)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(Guid hubId, IFormFile? file, bool full, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, "Choose a CSV file to import.");
        }
        else if (file.Length > MemberImportRules.MaxBytes)
        {
            ModelState.AddModelError(FileField, MemberImportLimits.TooLarge);
        }
        else if (ModelState.IsValid)
        {
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }

            try
            {
                var importId = await upload.Handle(new UploadMemberImportCommand(hubId, file.FileName, content, full, User.Id()), cancellationToken);
                return Redirect($"/admin/hubs/{hubId}/imports/{importId}");
            }
            catch (MemberImportRefusedException refused)
            {
                ModelState.AddModelError(FileField, refused.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await list.Handle(new GetMemberImportsQuery(hubId), cancellationToken));
    }

    [HttpGet("{importId:guid}")]
    public async Task<IActionResult> Show(Guid hubId, Guid importId, CancellationToken cancellationToken) =>
        View("Import", await one.Handle(new GetMemberImportQuery(hubId, importId), cancellationToken));

    /// <summary>The progress bar or the summary, polled by the import's page while the job runs.</summary>
    [HttpGet("{importId:guid}/progress")]
    public async Task<IActionResult> Progress(Guid hubId, Guid importId, CancellationToken cancellationToken) =>
        PartialView("_Progress", await one.Handle(new GetMemberImportQuery(hubId, importId), cancellationToken));

    [HttpPost("{importId:guid}/confirm")]
    [RefusedPage("The import was not started")]
    public async Task<IActionResult> Confirm(Guid hubId, Guid importId, CancellationToken cancellationToken)
    {
        await confirm.Handle(new ConfirmMemberImportCommand(hubId, importId, User.Id()), cancellationToken);
        return Redirect($"/admin/hubs/{hubId}/imports/{importId}");
    }

    /// <summary>The rejected rows: row, column, reason (no values, so the report holds nobody's details).</summary>
    [HttpGet("{importId:guid}/errors")]
    public async Task<IActionResult> ErrorReport(Guid hubId, Guid importId, CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await errors.Handle(new GetMemberImportErrorReportQuery(hubId, importId), cancellationToken)), "text/csv", "import-errors.csv");
}
