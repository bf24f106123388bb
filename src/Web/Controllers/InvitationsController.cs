using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Invitations;
using Wellbeing.Application.Invitations.Commands;
using Wellbeing.Application.Invitations.Queries;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Invitations;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// Administrators invite a hub's HR managers, professionals and members by e-mail, and resend or withdraw the open
/// invitations (in place with htmx); one button invites every member enrolled without an account.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs/{hubId:guid}/invitations")]
public sealed class InvitationsController(
    GetInvitationsHandler list,
    InviteHandler invite,
    ResendInvitationHandler resend,
    WithdrawInvitationHandler withdraw,
    InviteMembersWithoutAccountHandler inviteMembers) : Controller
{
    private const string Status = "Status";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid hubId, CancellationToken cancellationToken) =>
        View(new InvitationsPage(await list.Handle(new GetInvitationsQuery(hubId), cancellationToken), new HrManagerInvite(), new ProfessionalInvite(), new MemberInvite()));

    [HttpPost("hr-manager")]
    public Task<IActionResult> InviteHrManager(Guid hubId, [Bind(Prefix = nameof(InvitationsPage.HrManager))] HrManagerInvite form, CancellationToken cancellationToken) =>
        InviteAsync(hubId, nameof(InvitationsPage.HrManager), () => new InviteCommand(hubId, InvitedRole.HrManager, form.Email!), page => page with { HrManager = form }, cancellationToken);

    [HttpPost("professional")]
    public Task<IActionResult> InviteProfessional(Guid hubId, [Bind(Prefix = nameof(InvitationsPage.Professional))] ProfessionalInvite form, CancellationToken cancellationToken) =>
        InviteAsync(hubId, nameof(InvitationsPage.Professional), () => new InviteCommand(hubId, InvitedRole.Professional, form.Email!, form.Name, form.Title), page => page with { Professional = form }, cancellationToken);

    [HttpPost("member")]
    public Task<IActionResult> InviteMember(Guid hubId, [Bind(Prefix = nameof(InvitationsPage.Member))] MemberInvite form, CancellationToken cancellationToken) =>
        InviteAsync(hubId, nameof(InvitationsPage.Member), () => new InviteCommand(hubId, InvitedRole.Member, form.Email!, form.Name, Department: form.Department, ExternalId: form.ExternalId), page => page with { Member = form }, cancellationToken);

    [HttpPost("members-without-account")]
    public async Task<IActionResult> InviteMembersWithoutAccount(Guid hubId, CancellationToken cancellationToken)
    {
        var done = await inviteMembers.Handle(new InviteMembersWithoutAccountCommand(hubId), cancellationToken);
        TempData[Status] = done.AddressInUse == 0
            ? $"{done.Invited} members were invited."
            : $"{done.Invited} members were invited; {done.AddressInUse} were not, because their address already has an account.";
        return Redirect(PagePath(hubId));
    }

    [HttpPost("{invitationId:guid}/resend")]
    [RefusedPage("The invitation was not sent again")]
    public async Task<IActionResult> Resend(Guid hubId, Guid invitationId, CancellationToken cancellationToken)
    {
        await resend.Handle(new ResendInvitationCommand(hubId, invitationId), cancellationToken);
        return await ListChangedAsync(hubId, "The invitation will be sent again with a new link; the earlier link no longer works.", cancellationToken);
    }

    [HttpPost("{invitationId:guid}/withdraw")]
    [RefusedPage("The invitation was not withdrawn")]
    public async Task<IActionResult> Withdraw(Guid hubId, Guid invitationId, CancellationToken cancellationToken)
    {
        await withdraw.Handle(new WithdrawInvitationCommand(hubId, invitationId), cancellationToken);
        return await ListChangedAsync(hubId, "The invitation was withdrawn; its link no longer works.", cancellationToken);
    }

    private static string PagePath(Guid hubId) => $"/admin/hubs/{hubId}/invitations";

    /// <summary>htmx swaps the list in place, with the status above it; a plain form post comes back to the page.</summary>
    private async Task<IActionResult> ListChangedAsync(Guid hubId, string status, CancellationToken cancellationToken)
    {
        if (HttpContext.WantsFragment())
        {
            return PartialView("_OpenInvitations", new OpenInvitationsView(await list.Handle(new GetInvitationsQuery(hubId), cancellationToken), status));
        }

        TempData[Status] = status;
        return Redirect(PagePath(hubId));
    }

    /// <summary>
    /// Invites, or redraws the page with the typed form beside its messages (400). <paramref name="prefix"/> names the
    /// posted form, so a refusal's message lands beside its field.
    /// </summary>
    private async Task<IActionResult> InviteAsync(
        Guid hubId, string prefix, Func<InviteCommand> command, Func<InvitationsPage, InvitationsPage> keepTyped, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                TempData[Status] = await invite.Handle(command(), cancellationToken) switch
                {
                    InviteOutcome.JoinedHub => "This professional already has an account and now works in this hub too; no e-mail is sent.",
                    InviteOutcome.AlreadyInHub => "This professional already has an account and works in this hub; nothing changed.",
                    _ => "The invitation was recorded; its e-mail goes out within a minute.",
                };
                return Redirect(PagePath(hubId));
            }
            catch (InvitationRefusedException refused)
            {
                ModelState.AddModelError($"{prefix}.{refused.Field}", refused.Message);
            }
            catch (Domain.Common.DomainException refused)
            {
                ModelState.AddModelError($"{prefix}.Name", refused.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var page = new InvitationsPage(await list.Handle(new GetInvitationsQuery(hubId), cancellationToken), new HrManagerInvite(), new ProfessionalInvite(), new MemberInvite());
        return View("Index", keepTyped(page));
    }
}

/// <summary>The invitations page: the three forms (as typed, when one is redrawn) and the open invitations.</summary>
public sealed record InvitationsPage(InvitationsDto Invitations, HrManagerInvite HrManager, ProfessionalInvite Professional, MemberInvite Member);

/// <summary>The open invitations and what the last action did (null: nothing): the fragment htmx swaps in place.</summary>
public sealed record OpenInvitationsView(InvitationsDto Invitations, string? Status);

public sealed record HrManagerInvite
{
    [Required(ErrorMessage = "Enter the HR manager's e-mail address.")]
    [DeliverableEmail(ErrorMessage = "Enter an e-mail address like name@example.com.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
    public string? Email { get; init; }
}

public sealed record ProfessionalInvite
{
    [Required(ErrorMessage = "Enter the professional's name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "Enter a title, such as Psychologist or Coach.")]
    [StringLength(200, ErrorMessage = "A title has at most 200 characters.")]
    public string? Title { get; init; }

    [Required(ErrorMessage = "Enter the professional's e-mail address.")]
    [DeliverableEmail(ErrorMessage = "Enter an e-mail address like name@example.com.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
    public string? Email { get; init; }
}

public sealed record MemberInvite
{
    [Required(ErrorMessage = "Enter the member's name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "Enter the member's e-mail address.")]
    [DeliverableEmail(ErrorMessage = "Enter an e-mail address like name@example.com.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
    public string? Email { get; init; }

    [StringLength(200, ErrorMessage = "A department has at most 200 characters.")]
    public string? Department { get; init; }

    [StringLength(128, ErrorMessage = "An external id has at most 128 characters.")]
    public string? ExternalId { get; init; }
}
