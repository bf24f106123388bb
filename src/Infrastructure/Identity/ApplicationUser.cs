using Microsoft.AspNetCore.Identity;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>A sign-in account. What the person is (member, professional, HR manager) lives in the domain, linked by id.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The hub an HR manager reports on; null for other roles (members and professionals link through the domain).</summary>
    public Guid? HrHubId { get; set; }
}
