using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Hr;
using Wellbeing.Application.Hr.Queries.GetPublishedAggregates;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Web.PartnerApi;

namespace Wellbeing.Web.Controllers.Api;

/// <summary>A partner system reads its own hub's published figures; any other hub is "not found", never "forbidden".</summary>
[ApiController]
[Route("api/v1/hubs/{hubId:guid}/aggregates")]
[Authorize(Policy = PartnerScopes.AggregatesRead)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
public sealed class HubAggregatesController(GetPublishedAggregatesHandler aggregates) : ControllerBase
{
    /// <param name="hubId">The hub the token belongs to; any other is 404.</param>
    /// <param name="department">One department of the published blocks (given at most once: twice is 400); none for the whole hub.</param>
    /// <param name="period">One published period ("2026-05", "2026-Q2"), given at most once; none for every published period.</param>
    /// <param name="cancellationToken">Ends the read when the caller goes away.</param>
    [HttpGet]
    [EndpointName("GetHubAggregates")]
    [EndpointSummary("The hub's published figures, one block per closed reporting period")]
    [EndpointDescription(
        "One block per published reporting period (a calendar month, or a quarter, in the hub's time zone), oldest first, "
        + "for the whole hub or one department (department=). A block is published once after its period has closed and never "
        + "changes. A cell that could let someone be recognised (too few people, or everyone in one bracket) has value and "
        + "people null, whatever the reason. hubWide marks cells about the whole hub: alliance.mean always is. allTimeMean is "
        + "the people-weighted mean of the shown period means (people: responses, a person once per period). period= narrows "
        + "the answer to one period. A department of the published blocks whose groups are too small answers 200 with every "
        + "cell of it hidden, like any small group; a department or period that no published block has is 404, and the "
        + "value asked for is not echoed. Each query parameter is given at most once (twice is 400).")]
    [ProducesResponseType<HubAggregates>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<HubAggregates> Get(Guid hubId, [FromQuery] string? department, [FromQuery] string? period, CancellationToken cancellationToken)
    {
        if (User.PartnerHubId() != hubId)
        {
            throw new NotFoundException("Hub");
        }

        var published = await aggregates.Handle(new GetPublishedAggregatesQuery(hubId, department is null ? [] : [department], period), cancellationToken);
        return new HubAggregates(
            published.HubId,
            published.PeriodLength,
            published.Department,
            published.Departments,
            [.. published.Blocks.Select(b => new PeriodBlockResource(
                b.Period.Key,
                b.Period.Start,
                b.Period.End,
                b.Period.PublishedAt,
                new PrivacyRulesInForce(b.Period.K, b.Period.KDistribution),
                [.. b.Cells.Select(CellResource.Of)]))],
            CellResource.Of(published.AllTimeMean));
    }
}

/// <summary>The published figures of one hub for the whole hub or one department: one block per closed reporting period.</summary>
/// <param name="HubId">The hub the token belongs to.</param>
/// <param name="PeriodLength">"Month" or "Quarter": the hub's current reporting period.</param>
/// <param name="Department">The department these cells describe; null for the whole hub.</param>
/// <param name="Departments">Departments of the published blocks: the values the department parameter accepts.</param>
/// <param name="Blocks">Every published period, oldest first (or the one asked for); empty before the first publication.</param>
/// <param name="AllTimeMean">The Wellbeing Index mean over every published period of the scope (period "all").</param>
public sealed record HubAggregates(
    Guid HubId,
    string PeriodLength,
    string? Department,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PeriodBlockResource> Blocks,
    CellResource AllTimeMean);

/// <summary>One closed reporting period's figures, published once and never changed afterwards.</summary>
/// <param name="Period">"2026-05" for a month, "2026-Q2" for a quarter.</param>
/// <param name="Start">First day of the period in the hub's time zone.</param>
/// <param name="End">Last day of the period in the hub's time zone.</param>
/// <param name="PublishedAt">When the block was computed (UTC); it never changes afterwards.</param>
/// <param name="Rules">The privacy rules the block was computed with.</param>
/// <param name="Cells">Every figure of the scope for the period, hidden ones included, then the hub's alliance mean.</param>
public sealed record PeriodBlockResource(string Period, DateOnly Start, DateOnly End, DateTimeOffset PublishedAt, PrivacyRulesInForce Rules, IReadOnlyList<CellResource> Cells);

/// <summary>The group sizes a block was computed with (k-anonymity).</summary>
/// <param name="K">People needed behind any number of the block.</param>
/// <param name="KDistribution">People needed behind a share of the block.</param>
public sealed record PrivacyRulesInForce(int K, int KDistribution);

/// <summary>One published figure; hidden: value and people null, whether nobody or a few people are behind it.</summary>
/// <param name="Metric">participation.enrolled, participation.responded, participation.rate (%), wellbeing.mean (0-100),
/// wellbeing.distribution (% per bracket), wellbeing.trend (% per direction), alliance.mean (1-7).</param>
/// <param name="Period">The block's period, or "all" for the mean over every published period.</param>
/// <param name="Scope">"Whole hub" or the department's name.</param>
/// <param name="HubWide">Whether the figure describes the whole hub: in a department's answer only alliance.mean does.</param>
/// <param name="Category">Poor, Moderate, Good for the distribution; Improving, Stable, Declining for trends; null otherwise.</param>
/// <param name="Value">The figure; null when hidden.</param>
/// <param name="People">Distinct people behind the value (for period "all": responses, a person once per period); null when hidden.</param>
public sealed record CellResource(string Metric, string Period, string Scope, bool HubWide, string? Category, decimal? Value, int? People)
{
    public static CellResource Of(PublishedCell cell) =>
        new(cell.Metric, cell.Period, cell.ScopeName, cell.HubWide, cell.Category, cell.Value, cell.People);
}
