using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>One app with the demo hub per test class: tests read it and make changes only to people they own.</summary>
public sealed class AppFixture : IDisposable
{
    public WellbeingAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
