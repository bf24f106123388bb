namespace Wellbeing.Domain.Accounts;

/// <summary>
/// The four kinds of account, each with its own pages: the names are stored as Identity role names and used as the
/// web host's authorisation policy names, so changing one needs a migration of the roles already given out.
/// </summary>
public static class Roles
{
    public const string Client = "Client";
    public const string Professional = "Professional";
    public const string HrManager = "HrManager";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Client, Professional, HrManager, Administrator];
}
