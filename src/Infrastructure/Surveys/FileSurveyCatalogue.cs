using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>
/// Every instrument definition in one folder, loaded once at construction so that a broken file stops start-up
/// instead of failing a client's form later.
/// </summary>
public sealed class FileSurveyCatalogue : ISurveyCatalogue
{
    private readonly Dictionary<(string Key, int Version), Survey> _byKeyAndVersion;
    private readonly Dictionary<Measure, Survey> _current;
    private readonly string _folder;

    /// <exception cref="InvalidSurveyDefinitionException">The folder is missing, a file is invalid, or the current instrument of a measure is ambiguous.</exception>
    public FileSurveyCatalogue(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidSurveyDefinitionException($"The instrument definition folder {folder} does not exist.");
        }

        _folder = folder;
        // Ordered so that the same broken folder always reports the same file first.
        var files = Directory.GetFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(SurveyDefinitionFile.Read)
            .ToList();

        _byKeyAndVersion = IndexByKeyAndVersion(files);
        _current = files.GroupBy(f => f.Survey.Measure).ToDictionary(g => g.Key, g => CurrentOf(g.Key, g.ToList()));
        All = files.Select(f => f.Survey).OrderBy(s => s.Measure).ThenBy(s => s.Key, StringComparer.Ordinal).ThenBy(s => s.Version).ToList();
    }

    /// <summary>Where the build copies instruments/*.json: the folder the application loads at start-up.</summary>
    public static string DefaultFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Instruments");

    public IReadOnlyList<Survey> All { get; }

    public Survey Current(Measure measure) =>
        _current.TryGetValue(measure, out var survey)
            ? survey
            : throw new InvalidOperationException($"No instrument for the {measure} measure was loaded from {_folder}.");

    public Survey? Find(string key, int version) => _byKeyAndVersion.GetValueOrDefault((key, version));

    private static Dictionary<(string Key, int Version), Survey> IndexByKeyAndVersion(IReadOnlyList<SurveyDefinitionFile> files)
    {
        var index = new Dictionary<(string Key, int Version), Survey>();
        foreach (var sameVersion in files.GroupBy(f => (f.Survey.Key, f.Survey.Version)))
        {
            if (sameVersion.Count() > 1)
            {
                throw new InvalidSurveyDefinitionException(
                    $"Instrument {sameVersion.Key.Key} version {sameVersion.Key.Version} is defined more than once: {string.Join(" and ", sameVersion.Select(f => f.FileName))}.");
            }

            index.Add(sameVersion.Key, sameVersion.Single().Survey);
        }

        return index;
    }

    private static Survey CurrentOf(Measure measure, IReadOnlyList<SurveyDefinitionFile> files)
    {
        var keys = files.Select(f => f.Survey.Key).Distinct().ToList();
        var key = keys.Count == 1 ? keys[0] : MarkedCurrentKey(measure, keys, files);
        return files.Select(f => f.Survey).Where(s => s.Key == key).MaxBy(s => s.Version)!;
    }

    private static string MarkedCurrentKey(Measure measure, IReadOnlyList<string> keys, IReadOnlyList<SurveyDefinitionFile> files)
    {
        var marked = files.Where(f => f.IsMarkedCurrent).Select(f => f.Survey.Key).Distinct().ToList();
        return marked.Count == 1
            ? marked[0]
            : throw new InvalidSurveyDefinitionException(
                $"The {measure} measure has {keys.Count} instruments ({string.Join(", ", keys)}) and {marked.Count} of them marked \"current\": true; mark exactly one.");
    }
}
