namespace Wellbeing.Infrastructure.Surveys;

/// <summary>A definition file could not be loaded; the message names the file so an operator can fix it before start-up.</summary>
public sealed class InvalidSurveyDefinitionException(string message, Exception? innerException = null)
    : Exception(message, innerException);
