using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Application.PartnerClients.Commands.RegisterPartnerClient;
using Wellbeing.Application.PartnerClients.Commands.RemovePartnerClient;
using Wellbeing.Application.PartnerClients.Queries.GetPartnerClients;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;

namespace Wellbeing.Web.Controllers;

/// <summary>Administrators register the partner systems (OAuth clients) of each hub and revoke them.</summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/partners")]
public sealed class PartnerClientsController(GetPartnerClientsHandler clients, RegisterPartnerClientHandler register, RemovePartnerClientHandler remove) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(PartnerClientForm.Empty(), registered: null, cancellationToken));

    /// <summary>Shows the new secret in this response only; it is stored hashed and can never be shown again.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Register([Bind(Prefix = nameof(PartnerClientsPage.Form))] PartnerClientForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var registered = await register.Handle(new RegisterPartnerClientCommand(form.RegistrationId ?? Guid.Empty, form.DisplayName, form.HubId, form.Scopes), cancellationToken);

                // The next registration starts from an empty form, not from the values just posted.
                ModelState.Clear();
                return View(nameof(Index), await PageAsync(PartnerClientForm.Empty(), registered, cancellationToken));
            }
            catch (DomainException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await PageAsync(form, registered: null, cancellationToken));
    }

    /// <summary>With htmx the list is redrawn in place after a confirmation; without it the page reloads.</summary>
    [HttpPost("{clientId}/revoke")]
    public async Task<IActionResult> Revoke(string clientId, CancellationToken cancellationToken)
    {
        await remove.Handle(new RemovePartnerClientCommand(clientId), cancellationToken);
        TempData["Status"] = $"{clientId} was revoked: its secret and every token it held no longer work.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<PartnerClientsPage> PageAsync(PartnerClientForm form, RegisteredPartnerClientDto? registered, CancellationToken cancellationToken) =>
        new(await clients.Handle(new GetPartnerClientsQuery(), cancellationToken), form, registered);
}

public sealed record PartnerClientsPage(PartnerClientsDto Clients, PartnerClientForm Form, RegisteredPartnerClientDto? Registered);

public sealed record PartnerClientForm
{
    /// <summary>Drawn with the form and kept when it is redrawn, so that sending one form twice registers one system.</summary>
    public Guid? RegistrationId { get; init; }

    [Required(ErrorMessage = "Give the partner system a name.")]
    [StringLength(PartnerClient.MaxDisplayNameLength, ErrorMessage = "Keep the name to {1} characters or fewer.")]
    public string? DisplayName { get; init; }

    [Required(ErrorMessage = "Choose the hub the partner system belongs to.")]
    public Guid? HubId { get; init; }

    [MinLength(1, ErrorMessage = "Choose at least one thing the partner system may do.")]
    public List<string> Scopes { get; init; } = [];

    /// <summary>Every scope ticked: today there is one, and a partner system with none could do nothing.</summary>
    public static PartnerClientForm Empty() => new() { RegistrationId = Guid.NewGuid(), Scopes = [.. PartnerScopes.Names] };
}
