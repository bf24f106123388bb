using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>
/// The shipped definition files plus the imported definitions stored in the database, held in memory as one
/// <see cref="InstrumentCatalogue"/>. Stored definitions never change, so a reload only ever adds versions; until the
/// first reload (at start-up, after the database is initialised) the catalogue holds the files alone.
/// </summary>
public sealed class SurveyCatalogue(FileSurveyCatalogue files, IServiceScopeFactory scopes) : ISurveyCatalogue
{
    private volatile InstrumentCatalogue _loaded = new(files.Entries);

    public IReadOnlyList<Survey> All => _loaded.All;

    /// <exception cref="InvalidOperationException">No instrument is loaded for the measure.</exception>
    public Survey Current(Measure measure) =>
        _loaded.CurrentOrNull(measure) ?? throw new InvalidOperationException($"No instrument for the {measure} measure is loaded.");

    public Survey? Find(string key, int version) => _loaded.Find(key, version);

    public Admission Admit(CatalogueEntry candidate) => _loaded.Admit(candidate);

    /// <exception cref="InvalidSurveyDefinitionException">A stored definition no longer fits the shipped files (e.g. a file added later defines the same version); the catalogue keeps what it had.</exception>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<WellbeingDbContext>().ImportedInstruments
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var entries = files.Entries.Concat(stored.Select(Entry)).ToList();
        try
        {
            _loaded = new InstrumentCatalogue(entries);
        }
        catch (DomainException e)
        {
            throw new InvalidSurveyDefinitionException($"The imported instrument definitions do not fit the shipped files: {e.Message}", e);
        }
    }

    private static CatalogueEntry Entry(ImportedInstrument stored) =>
        SurveyDefinitionFile.Parse(stored.Definition, $"the import of {stored.Key} version {stored.Version}").Entry;
}
