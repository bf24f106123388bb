using Xunit.Sdk;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>
/// Turns a method taking one <see cref="ScenarioCase"/> into one test case per scenario under features/.
/// A Theory with MemberData would do the same, except that xunit 2 fails a theory with no data, and a
/// checkout without feature files (or a filtered run) is legitimate.
/// </summary>
[XunitTestCaseDiscoverer("Wellbeing.AcceptanceTests.Runner.ScenarioDiscoverer", "Wellbeing.AcceptanceTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute : FactAttribute;
