namespace Wellbeing.Infrastructure.Persistence.Seeding;

/// <summary>The demo accounts the README lists; tests sign in with these too.</summary>
public static class DemoHub
{
    public const string Password = "Demo!2026";
    public const string Slug = "northwind";
    public const string OtherHubSlug = "fabrikam";

    /// <summary>Northwind's demo partner system (client credentials, scope aggregates:read), listed in the README.</summary>
    public const string PartnerClientId = "northwind-demo-partner";
    public const string PartnerClientSecret = "demo-partner-secret-2026";
    public const string Administrator = "admin@demo.wellbeing.test";
    public const string HrManager = "hr@demo.wellbeing.test";
    public const string OtherHubHrManager = "hr@fabrikam.wellbeing.test";
    public const string FirstProfessional = "pro1@demo.wellbeing.test";
    public const string SecondProfessional = "pro2@demo.wellbeing.test";
    public const int ClientCount = 40;
    public const int OtherHubClientCount = 8;

    public static string Client(int number) => $"client{number}@demo.wellbeing.test";

    public static string OtherHubClient(int number) => $"client{number}@fabrikam.wellbeing.test";
}
