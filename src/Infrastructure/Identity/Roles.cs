namespace Wellbeing.Infrastructure.Identity;

public static class Roles
{
    public const string Client = "Client";
    public const string Professional = "Professional";
    public const string HrManager = "HrManager";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Client, Professional, HrManager, Administrator];
}
