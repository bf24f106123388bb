namespace Wellbeing.Application.Common.Exceptions;

/// <summary>
/// The change was already made, by this request's twin (a double click, two tabs) or by another request that won the
/// race. The message is safe to show to the caller.
/// </summary>
public sealed class ConflictException(string message, Exception? inner = null) : Exception(message, inner);
