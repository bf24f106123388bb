namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>A bound step threw; the message says where in the feature file, the inner exception why.</summary>
public sealed class StepFailedException(string message, Exception innerException) : Exception(message, innerException);
