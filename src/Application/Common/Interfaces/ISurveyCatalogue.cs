using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>The instrument definitions loaded from the definition files at start-up.</summary>
public interface ISurveyCatalogue
{
    IReadOnlyList<Survey> All { get; }

    /// <summary>The newest version of the instrument in use for a measure; new submissions answer this one.</summary>
    Survey Current(Measure measure);

    /// <summary>The exact version an old submission answered, or null when it is no longer loaded.</summary>
    Survey? Find(string key, int version);
}
