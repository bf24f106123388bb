using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Administration.Queries.GetInstrumentCatalogue;

public sealed record GetInstrumentCatalogueQuery;

/// <param name="Instruments">One entry per instrument key, ordered by measure and key.</param>
/// <param name="Hubs">Every hub, by name, for the licence form.</param>
public sealed record InstrumentCatalogueDto(IReadOnlyList<InstrumentDto> Instruments, IReadOnlyList<HubChoiceDto> Hubs);

/// <param name="Versions">Every loaded version, newest first; old submissions keep pointing at theirs.</param>
/// <param name="Current">The version new forms show, or null when another instrument is in use for the measure.</param>
/// <param name="HubLicences">Per hub, by name, when the instrument needs permission; empty otherwise.</param>
public sealed record InstrumentDto(string Key, IReadOnlyList<Survey> Versions, Survey? Current, IReadOnlyList<HubLicenceDto> HubLicences)
{
    public Survey Newest => Versions[0];
}

/// <param name="Licence">The recorded permission, or null while the hub's clients see a notice instead of the form.</param>
public sealed record HubLicenceDto(Guid HubId, string HubName, InstrumentLicence? Licence);

public sealed record HubChoiceDto(Guid Id, string Name);

/// <summary>The instrument catalogue for administrators: versions, items, scoring, licence and, per hub, the recorded permission.</summary>
public sealed class GetInstrumentCatalogueHandler(IRepository<Hub> hubs, IRepository<InstrumentLicence> licences, ISurveyCatalogue catalogue)
{
    public async Task<InstrumentCatalogueDto> Handle(GetInstrumentCatalogueQuery query, CancellationToken cancellationToken)
    {
        var allHubs = await hubs.ListAsync(new AllHubsSpec(), cancellationToken);
        var records = await licences.ListAsync(new AllInstrumentLicencesSpec(), cancellationToken);
        var current = catalogue.All.Select(s => s.Measure).Distinct().Select(catalogue.Current).ToList();

        var instruments = catalogue.All
            .GroupBy(s => s.Key)
            .Select(versions =>
            {
                var newestFirst = versions.OrderByDescending(s => s.Version).ToList();
                var hubLicences = newestFirst[0].Licence.NeedsPermission
                    ? allHubs.Select(h => new HubLicenceDto(h.Id, h.Name, records.FirstOrDefault(r => r.HubId == h.Id && r.SurveyKey == versions.Key))).ToList()
                    : [];
                return new InstrumentDto(versions.Key, newestFirst, current.FirstOrDefault(c => c.Key == versions.Key), hubLicences);
            })
            .OrderBy(i => i.Newest.Measure).ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        return new InstrumentCatalogueDto(instruments, allHubs.Select(h => new HubChoiceDto(h.Id, h.Name)).ToList());
    }
}
