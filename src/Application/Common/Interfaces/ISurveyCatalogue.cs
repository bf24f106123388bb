using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>
/// The instrument definitions in use: the files shipped with the app plus the definitions administrators imported
/// (stored in the database, so every node loads them). Reads are served from memory; see <see cref="ReloadAsync"/>.
/// </summary>
public interface ISurveyCatalogue
{
    IReadOnlyList<Survey> All { get; }

    /// <summary>The newest version of the instrument in use for a measure; new submissions answer this one.</summary>
    Survey Current(Measure measure);

    /// <summary>The exact version an old submission answered, or null when it is no longer loaded.</summary>
    Survey? Find(string key, int version);

    /// <summary>Whether a definition may join the catalogue as loaded now (<see cref="InstrumentCatalogue.Admit"/>).</summary>
    /// <exception cref="DomainException">It would change the meaning of what is loaded; the message says how.</exception>
    Admission Admit(CatalogueEntry candidate);

    /// <summary>
    /// Reads the stored definitions again, so this node serves what any node imported. Every node also does this on a
    /// timer (Instruments:RefreshSeconds).
    /// </summary>
    Task ReloadAsync(CancellationToken cancellationToken);
}
