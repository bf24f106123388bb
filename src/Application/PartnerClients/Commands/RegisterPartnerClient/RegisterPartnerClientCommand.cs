using System.Buffers.Text;
using System.Security.Cryptography;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.PartnerClients.Commands.RegisterPartnerClient;

/// <summary>An administrator registers a partner system (an HRIS, a booking system) for one hub.</summary>
/// <param name="RegistrationId">The id the form was drawn with (hidden field): the client id derives from it, so sending
/// the form twice registers one partner system.</param>
public sealed record RegisterPartnerClientCommand(Guid RegistrationId, string? DisplayName, Guid? HubId, IReadOnlyList<string> Scopes);

/// <summary>The credentials as issued: the secret is shown to the administrator this once and never stored in clear.</summary>
/// <param name="WasAlreadyRegistered">The form had been sent before: only the answer to the first request carried the
/// secret, and <paramref name="ClientSecret"/> is empty.</param>
public sealed record RegisteredPartnerClientDto(
    string ClientId, string ClientSecret, string DisplayName, Guid HubId, string HubName, IReadOnlyList<string> Scopes, bool WasAlreadyRegistered = false);

public sealed class RegisterPartnerClientHandler(IRepository<Hub> hubs, IPartnerClients partners, IAuditLog audit)
{
    /// <summary>256 random bits: as strong as the tokens it buys, and guessing is hopeless even without lockout.</summary>
    private const int SecretBytes = 32;
    public async Task<RegisteredPartnerClientDto> Handle(RegisterPartnerClientCommand command, CancellationToken cancellationToken)
    {
        if (command.RegistrationId == Guid.Empty)
        {
            throw new DomainException("This form is incomplete. Please open the page again.");
        }

        var clientId = "partner-" + command.RegistrationId.ToString("N");
        if (await partners.FindAsync(clientId, cancellationToken) is { } saved)
        {
            return await AlreadyRegisteredAsync(saved, cancellationToken);
        }

        var name = command.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > PartnerClient.MaxDisplayNameLength)
        {
            throw new DomainException($"Give the partner system a name of at most {PartnerClient.MaxDisplayNameLength} characters.");
        }

        var scopes = command.Scopes.Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0 || scopes.Except(PartnerScopes.Names, StringComparer.Ordinal).Any())
        {
            throw new DomainException("Choose what the partner system may do from the listed scopes.");
        }

        var hub = command.HubId is { } hubId ? await hubs.FirstOrDefaultAsync(new HubByIdSpec(hubId), cancellationToken) : null;
        if (hub is null)
        {
            throw new DomainException("Choose the hub the partner system belongs to.");
        }

        var client = new PartnerClient(clientId, name, hub.Id, scopes);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

        // Recorded first, so that the store writes the entry with the client, in its transaction.
        audit.Record(AuditAction.PartnerClientRegistered, hub.Id, client.ClientId);
        if (!await partners.AddAsync(client, secret, cancellationToken))
        {
            // A copy of this form, sent at the same moment, registered it first.
            return await AlreadyRegisteredAsync(await partners.FindAsync(clientId, cancellationToken) ?? client, cancellationToken);
        }

        return new RegisteredPartnerClientDto(client.ClientId, secret, client.DisplayName, hub.Id, hub.Name, client.Scopes);
    }

    private async Task<RegisteredPartnerClientDto> AlreadyRegisteredAsync(PartnerClient saved, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(saved.HubId), cancellationToken);
        return new RegisteredPartnerClientDto(saved.ClientId, string.Empty, saved.DisplayName, saved.HubId, hub?.Name ?? string.Empty, saved.Scopes, WasAlreadyRegistered: true);
    }
}
