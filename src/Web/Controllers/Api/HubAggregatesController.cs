using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Hr.Queries.GetHrDashboard;
using Wellbeing.Application.Hr.Queries.GetPublishedAggregates;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Web.PartnerApi;

namespace Wellbeing.Web.Controllers.Api;

/// <summary>A partner system reads its own hub's published statistics; any other hub is "not found", never "forbidden".</summary>
[ApiController]
[Route("api/v1/hubs/{hubId:guid}/aggregates")]
[Authorize(Policy = PartnerScopes.AggregatesRead)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
public sealed class HubAggregatesController(GetPublishedAggregatesHandler aggregates) : ControllerBase
{
    [HttpGet]
    [EndpointName("GetHubAggregates")]
    [EndpointSummary("The hub's latest published statistics")]
    [EndpointDescription(
        "Every cell of the latest published snapshot, for the whole hub or one department. A cell that too few people are "
        + "behind has value and people null, whether nobody or a few responded. Before the first snapshot: asOf null, no cells. "
        + "hubWide marks the cells about the whole hub: alliance.mean always is, also when a department is asked for.")]
    [ProducesResponseType<HubAggregates>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<HubAggregates> Get(Guid hubId, [FromQuery] string[]? department, CancellationToken cancellationToken)
    {
        if (User.PartnerHubId() != hubId)
        {
            throw new NotFoundException("Hub");
        }

        var published = await aggregates.Handle(new GetPublishedAggregatesQuery(hubId, department ?? []), cancellationToken);
        return new HubAggregates(
            published.HubId,
            published.AsOf,
            new PrivacyRulesInForce(published.K, published.KDistribution),
            published.Department,
            published.Departments,
            published.Cells);
    }
}

/// <param name="AsOf">When the snapshot was published; null before the hub's first snapshot.</param>
/// <param name="Department">The department these cells describe; null for the whole hub.</param>
/// <param name="Departments">Departments the snapshot knows, for the department parameter.</param>
public sealed record HubAggregates(
    Guid HubId,
    DateTimeOffset? AsOf,
    PrivacyRulesInForce Rules,
    string? Department,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PublishedCell> Cells);

/// <param name="K">People needed behind any number.</param>
/// <param name="KDistribution">People needed behind a distribution or a share of trends.</param>
public sealed record PrivacyRulesInForce(int K, int KDistribution);
