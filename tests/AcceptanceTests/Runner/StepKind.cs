namespace Wellbeing.AcceptanceTests.Runner;

public enum StepKind
{
    Given,
    When,
    Then,

    /// <summary>A <c>*</c> step with no earlier Given/When/Then to inherit from: any binding may match it.</summary>
    Any,
}
