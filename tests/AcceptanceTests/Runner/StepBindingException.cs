namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>A step that no method, or more than one, can run; or a method that cannot take the step's values.</summary>
public sealed class StepBindingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
