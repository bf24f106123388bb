namespace Wellbeing.Application.Common.Exceptions;

/// <summary>
/// The resource does not exist for this caller. Also thrown for resources of another hub or another person, so a
/// caller can never tell "not yours" from "not there".
/// </summary>
public sealed class NotFoundException(string resource) : Exception($"{resource} was not found.");
