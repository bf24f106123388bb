namespace Wellbeing.Web;

/// <summary>Environment names the app knows beyond ASP.NET Core's own.</summary>
public static class HostEnvironments
{
    /// <summary>The test host (tests/Testing's WellbeingAppFactory): plain http on localhost and throwaway keys.</summary>
    public const string Testing = "Testing";

    public static bool IsTesting(this IHostEnvironment environment) => environment.IsEnvironment(Testing);
}
