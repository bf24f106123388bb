namespace Wellbeing.Domain.Common;

/// <summary>A rule of the domain was broken by the caller's input; the message is safe to show to that caller.</summary>
public class DomainException(string message) : Exception(message);
