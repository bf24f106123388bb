using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>
/// Every instrument definition in one folder, loaded once at construction so that a broken file stops start-up
/// instead of failing a client's form later.
/// </summary>
public sealed class FileSurveyCatalogue
{
    private readonly InstrumentCatalogue _catalogue;
    private readonly string _folder;

    /// <exception cref="InvalidSurveyDefinitionException">The folder is missing, a file is invalid, or the current instrument of a measure is ambiguous.</exception>
    public FileSurveyCatalogue(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidSurveyDefinitionException($"The instrument definition folder {folder} does not exist.");
        }

        _folder = folder;
        Entries = Directory.GetFiles(folder, "*.json").Select(SurveyDefinitionFile.Read).Select(f => f.Entry).ToList();
        try
        {
            _catalogue = new InstrumentCatalogue(Entries);
        }
        catch (DomainException e)
        {
            throw new InvalidSurveyDefinitionException(e.Message, e);
        }
    }

    /// <summary>Where the build copies instruments/*.json: the folder the application loads at start-up.</summary>
    public static string DefaultFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Instruments");

    /// <summary>One entry per file, named by its file name.</summary>
    public IReadOnlyList<CatalogueEntry> Entries { get; }

    public IReadOnlyList<Survey> All => _catalogue.All;

    /// <exception cref="InvalidOperationException">No file defines an instrument for the measure.</exception>
    public Survey Current(Measure measure) =>
        _catalogue.CurrentOrNull(measure)
        ?? throw new InvalidOperationException($"No instrument for the {measure} measure was loaded from {_folder}.");

    public Survey? Find(string key, int version) => _catalogue.Find(key, version);
}
