using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Surveys;

/// <summary>One instrument definition as loaded: from a file shipped with the app or from a stored import.</summary>
/// <param name="IsMarkedCurrent">The definition says <c>"current": true</c>: its instrument is the one in use when its measure has several.</param>
/// <param name="Source">Where it came from (a file name, "the import of who-5 version 2"), only to name it in refusals.</param>
public sealed record CatalogueEntry(Survey Survey, bool IsMarkedCurrent, string Source);

/// <summary>What admitting a definition to the catalogue means.</summary>
public enum Admission
{
    /// <summary>The catalogue already holds this key and version with the same content: nothing to store.</summary>
    Unchanged = 1,

    /// <summary>A version the catalogue does not hold yet.</summary>
    New = 2,
}

/// <summary>
/// Every loaded instrument definition, indexed by key and version, with the instrument in use per measure. A
/// submission keeps the key and version it answered, so adding a version only changes what new forms show.
/// </summary>
public sealed class InstrumentCatalogue
{
    private readonly IReadOnlyList<CatalogueEntry> _entries;
    private readonly Dictionary<(string Key, int Version), Survey> _byKeyAndVersion;
    private readonly Dictionary<Measure, Survey> _current;

    /// <exception cref="DomainException">A key and version is defined twice, a key is given two measures, or a measure with several instruments has not exactly one marked current.</exception>
    public InstrumentCatalogue(IEnumerable<CatalogueEntry> entries)
    {
        // Ordered so that the same broken set always reports the same source first.
        _entries = entries.OrderBy(e => e.Source, StringComparer.Ordinal).ToList();
        _byKeyAndVersion = IndexByKeyAndVersion(_entries);
        EnsureOneMeasurePerKey(_entries);
        _current = _entries.GroupBy(e => e.Survey.Measure).ToDictionary(g => g.Key, g => CurrentOf(g.Key, g.ToList()));
        All = _entries.Select(e => e.Survey).OrderBy(s => s.Measure).ThenBy(s => s.Key, StringComparer.Ordinal).ThenBy(s => s.Version).ToList();
    }

    /// <summary>Every version of every instrument, by measure, key and version.</summary>
    public IReadOnlyList<Survey> All { get; }

    /// <summary>The newest version of the instrument in use for a measure, or null when none is loaded.</summary>
    public Survey? CurrentOrNull(Measure measure) => _current.GetValueOrDefault(measure);

    /// <summary>The exact version, or null when it is not loaded.</summary>
    public Survey? Find(string key, int version) => _byKeyAndVersion.GetValueOrDefault((key, version));

    /// <summary>
    /// Checks that a definition may join the catalogue without changing the meaning of anything already in it: the
    /// same key and version must have the same content (a submission names only key and version, so different content
    /// would silently re-score it), a key keeps its measure, a new version of an instrument whose licence needs the
    /// holder's permission needs it too (one licence record covers every version), and the measure still has exactly
    /// one current instrument.
    /// </summary>
    /// <exception cref="DomainException">The definition breaks one of these rules; the message says which.</exception>
    public Admission Admit(CatalogueEntry candidate)
    {
        var survey = candidate.Survey;
        if (Find(survey.Key, survey.Version) is { } existing)
        {
            return existing.HasSameContentAs(survey)
                ? Admission.Unchanged
                : throw new DomainException(
                    $"Version {survey.Version} of {survey.Key} already exists with different content. Submissions answered on it keep that content: give the changed definition a new version number.");
        }

        if (All.FirstOrDefault(s => s.Key == survey.Key && s.Licence.NeedsPermission) is { } needsPermission && !survey.Licence.NeedsPermission)
        {
            throw new DomainException(
                $"Version {needsPermission.Version} of {survey.Key} needs the copyright holder's permission for commercial use; version {survey.Version} must say so too (a commercial-use note).");
        }

        _ = new InstrumentCatalogue(_entries.Append(candidate));
        return Admission.New;
    }

    private static Dictionary<(string Key, int Version), Survey> IndexByKeyAndVersion(IReadOnlyList<CatalogueEntry> entries)
    {
        var index = new Dictionary<(string Key, int Version), Survey>();
        foreach (var sameVersion in entries.GroupBy(e => (e.Survey.Key, e.Survey.Version)))
        {
            if (sameVersion.Count() > 1)
            {
                throw new DomainException(
                    $"Instrument {sameVersion.Key.Key} version {sameVersion.Key.Version} is defined more than once: {string.Join(" and ", sameVersion.Select(e => e.Source))}.");
            }

            index.Add(sameVersion.Key, sameVersion.Single().Survey);
        }

        return index;
    }

    private static void EnsureOneMeasurePerKey(IReadOnlyList<CatalogueEntry> entries)
    {
        var mixed = entries.GroupBy(e => e.Survey.Key).FirstOrDefault(g => g.Select(e => e.Survey.Measure).Distinct().Count() > 1);
        if (mixed is not null)
        {
            throw new DomainException(
                $"Instrument {mixed.Key} is given different measures: {string.Join(", ", mixed.Select(e => $"{e.Survey.Measure} in {e.Source}"))}.");
        }
    }

    private static Survey CurrentOf(Measure measure, IReadOnlyList<CatalogueEntry> entries)
    {
        var keys = entries.Select(e => e.Survey.Key).Distinct().ToList();
        var key = keys.Count == 1 ? keys[0] : MarkedCurrentKey(measure, keys, entries);
        return entries.Select(e => e.Survey).Where(s => s.Key == key).MaxBy(s => s.Version)!;
    }

    private static string MarkedCurrentKey(Measure measure, IReadOnlyList<string> keys, IReadOnlyList<CatalogueEntry> entries)
    {
        var marked = entries.Where(e => e.IsMarkedCurrent).Select(e => e.Survey.Key).Distinct().ToList();
        return marked.Count == 1
            ? marked[0]
            : throw new DomainException(
                $"The {measure} measure has {keys.Count} instruments ({string.Join(", ", keys)}) and {marked.Count} of them marked \"current\": true; mark exactly one.");
    }
}
