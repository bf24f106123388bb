using System.Buffers.Text;
using System.Security.Cryptography;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.PartnerClients.Commands.RegisterPartnerClient;

/// <summary>An administrator registers a partner system (an HRIS, a booking system) for one hub.</summary>
public sealed record RegisterPartnerClientCommand(string? DisplayName, Guid? HubId, IReadOnlyList<string> Scopes);

/// <summary>The credentials as issued: the secret is shown to the administrator this once and never stored in clear.</summary>
public sealed record RegisteredPartnerClientDto(string ClientId, string ClientSecret, string DisplayName, Guid HubId, string HubName, IReadOnlyList<string> Scopes);

public sealed class RegisterPartnerClientHandler(IRepository<Hub> hubs, IPartnerClients partners)
{
    /// <summary>256 random bits: as strong as the tokens it buys, and guessing is hopeless even without lockout.</summary>
    private const int SecretBytes = 32;
    private const int ClientIdBytes = 8;

    public async Task<RegisteredPartnerClientDto> Handle(RegisterPartnerClientCommand command, CancellationToken cancellationToken)
    {
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

        var client = new PartnerClient("partner-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ClientIdBytes)), name, hub.Id, scopes);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await partners.AddAsync(client, secret, cancellationToken);
        return new RegisteredPartnerClientDto(client.ClientId, secret, client.DisplayName, hub.Id, hub.Name, client.Scopes);
    }
}
