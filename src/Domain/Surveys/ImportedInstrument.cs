using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Surveys;

/// <summary>The file format an administrator uploaded an instrument definition in.</summary>
public enum InstrumentFileFormat
{
    /// <summary>Our own definition format, as in instruments/*.json.</summary>
    Definition = 1,

    /// <summary>An HL7 FHIR R4 Questionnaire whose answer options carry ordinal values.</summary>
    FhirQuestionnaire = 2,
}

/// <summary>
/// An instrument definition an administrator imported, stored in the database so that every web node loads it beside
/// the shipped files. The definition is kept in our own format whatever was uploaded; a stored version is never changed
/// or deleted, because submissions answered on it name only its key and version.
/// </summary>
public sealed class ImportedInstrument : IAggregateRoot
{
    /// <summary>The longest key a stored definition may have (the column's length).</summary>
    public const int MaxKeyLength = 64;

    private ImportedInstrument()
    {
        Key = Definition = ImportedByUserId = string.Empty;
    }

    /// <param name="definition">The definition in our JSON format (instruments/*.json), already checked against the catalogue.</param>
    /// <param name="importedAt">When it was imported (UTC).</param>
    /// <exception cref="InvalidInstrumentFileException">The key is longer than <see cref="MaxKeyLength"/>.</exception>
    public ImportedInstrument(Survey survey, string definition, InstrumentFileFormat uploadedAs, string importedByUserId, DateTimeOffset importedAt)
    {
        if (survey.Key.Length > MaxKeyLength)
        {
            throw new InvalidInstrumentFileException($"The key {survey.Key} is longer than {MaxKeyLength} characters.");
        }

        Id = Guid.NewGuid();
        Key = survey.Key;
        Version = survey.Version;
        Definition = definition;
        UploadedAs = uploadedAs;
        ImportedByUserId = importedByUserId;
        ImportedAt = importedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; }
    public int Version { get; private set; }

    /// <summary>The definition in our JSON format.</summary>
    public string Definition { get; private set; }

    public InstrumentFileFormat UploadedAs { get; private set; }
    public string ImportedByUserId { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
}

/// <summary>An uploaded instrument definition cannot be read or breaks a rule; the message says what and where, for the administrator.</summary>
public sealed class InvalidInstrumentFileException(string message) : DomainException(message);
