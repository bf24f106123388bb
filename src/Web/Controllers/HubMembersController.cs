using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.ChangeMemberDepartment;
using Wellbeing.Application.Administration.Commands.ChangeMemberStatus;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Administration.Queries.GetHubMember;
using Wellbeing.Application.Administration.Queries.GetHubMembers;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// Administrators list a hub's members (paged, by name, active or not), deactivate and reactivate them and change
/// their department. With htmx each change redraws its own row; without JavaScript the list (or the department form,
/// when refused) is drawn again.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs/{hubId:guid}/members")]
public sealed class HubMembersController(GetHubMembersHandler list, GetHubMemberHandler one, ChangeMemberStatusHandler status, ChangeMemberDepartmentHandler department) : Controller
{
    [HttpGet("")]
    [RefusedPage("The member list could not be shown")]
    public async Task<IActionResult> Index(Guid hubId, string? search, MemberStatusFilter status = MemberStatusFilter.Active, int page = 1, CancellationToken cancellationToken = default)
    {
        ModelState.ThrowIfQueryInvalid();
        var members = await list.Handle(new GetHubMembersQuery(hubId, search, status, page), cancellationToken);
        return HttpContext.WantsFragment() ? PartialView("_MemberRows", members) : View(members);
    }

    [HttpPost("{memberId:guid}/active")]
    [RefusedPage("The member was not changed")]
    public async Task<IActionResult> SetActive(Guid hubId, Guid memberId, bool? active, CancellationToken cancellationToken)
    {
        var row = await status.Handle(new ChangeMemberStatusCommand(hubId, memberId, active), cancellationToken);
        return HttpContext.WantsFragment() ? PartialView("_MemberRow", new MemberRowView(row)) : RedirectToList(hubId, row.IsActive ? MemberStatusFilter.Active : MemberStatusFilter.Inactive);
    }

    [HttpPost("{memberId:guid}/department")]
    public async Task<IActionResult> ChangeDepartment(Guid hubId, Guid memberId, [Bind(Prefix = "Department")] string? typed, CancellationToken cancellationToken)
    {
        try
        {
            // A department sent twice reaches here as null, which would clear the member's department: refuse it with
            // the binder's message instead.
            if (ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is { } unreadable)
            {
                throw new DomainException(unreadable.ErrorMessage);
            }

            var row = await department.Handle(new ChangeMemberDepartmentCommand(hubId, memberId, typed), cancellationToken);
            return HttpContext.WantsFragment() ? PartialView("_MemberRow", new MemberRowView(row)) : RedirectToList(hubId, row.IsActive ? MemberStatusFilter.Active : MemberStatusFilter.Inactive);
        }
        catch (DomainException refused)
        {
            var row = new MemberRowView(await one.Handle(new GetHubMemberQuery(hubId, memberId), cancellationToken), typed, refused.Message);
            if (HttpContext.WantsFragment())
            {
                Response.StatusCode = HtmxFragments.RefusedStatus;
                return PartialView("_MemberRow", row);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Department", row);
        }
    }

    private RedirectResult RedirectToList(Guid hubId, MemberStatusFilter filter) => Redirect($"/admin/hubs/{hubId}/members?status={filter}");
}

/// <summary>One member's row: what is stored, or the department as typed with the reason it was refused.</summary>
public sealed record MemberRowView(MemberRowDto Member, string? TypedDepartment = null, string? DepartmentError = null)
{
    public string? Department => DepartmentError is null ? Member.Department : TypedDepartment;
}
