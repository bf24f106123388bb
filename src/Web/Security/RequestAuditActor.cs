using System.Security.Claims;
using Wellbeing.Application.Auditing;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Web.Security;

/// <summary>
/// The audit log's actor in a web request: the signed-in account and its role, and the client's address as the app
/// sees it (with forwarded headers on, the address the proxy reports). IPv4 clients reached over an IPv6 socket are
/// written as plain IPv4, so one client's entries read alike. Outside a request (a background job of the web host) the
/// role is <see cref="AuditEntry.SystemRole"/>.
/// </summary>
public sealed class RequestAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? Role => http.HttpContext is { } context ? context.User.FindFirstValue(ClaimTypes.Role) : AuditEntry.SystemRole;

    public string? RemoteAddress => http.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;
}
