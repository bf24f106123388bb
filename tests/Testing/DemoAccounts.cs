namespace Wellbeing.Testing;

/// <summary>The accounts the app seeds when <c>DemoData:Enabled</c> is true.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2026";
    public const string Administrator = "admin@demo.wellbeing.test";
    public const string HrManager = "hr@demo.wellbeing.test";
    public const int ProfessionalCount = 2;
    public const int ClientCount = 40;

    public static string Professional(int number) => Numbered("pro", number, ProfessionalCount);

    public static string Client(int number) => Numbered("client", number, ClientCount);

    private static string Numbered(string prefix, int number, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, count);
        return $"{prefix}{number}@demo.wellbeing.test";
    }
}
