using System.ComponentModel.DataAnnotations;
using Wellbeing.Domain.Common;

namespace Wellbeing.Web.Forms;

/// <summary>
/// A form field holding an address that mail can be sent to (<see cref="EmailAddresses.IsDeliverable"/>, the rule the
/// member import applies to its files), ignoring the white space around it, which the use cases trim. Data
/// annotations' own <see cref="EmailAddressAttribute"/> only checks for one '@' not at either end, so it lets through
/// "Ada &lt;ada@example.org&gt;", which would be stored as the sign-in name. An empty field passes: [Required] says so.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DeliverableEmailAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string address || address.Length == 0 || EmailAddresses.IsDeliverable(address.Trim());
}
