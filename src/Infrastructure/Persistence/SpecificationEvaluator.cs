using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// Turns an Ardalis.Specification <see cref="ISpecification{T}"/> into an EF Core query, in the order the package's
/// own EF Core evaluator uses: criteria, includes, ordering, skip/take, tracking, split query, then the projection. It stands in
/// for Ardalis.Specification.EntityFrameworkCore, which our registry does not serve (docs/decisions/0002); criteria,
/// ordering and paging are the package's own evaluators, only the EF-specific steps are written here.
/// </summary>
/// <remarks>
/// A specification that uses anything else the builder offers (search, include by name, ThenInclude, tags, caching,
/// post-processing, identity resolution, ignoring query filters or auto-includes, SelectMany) is
/// refused with <see cref="NotSupportedException"/>: silently dropping, say, a search would return rows the
/// specification excludes.
/// </remarks>
public sealed class SpecificationEvaluator : ISpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetGenericArguments().Length == 2);

    /// <exception cref="SelectorNotFoundException">The specification never calls <c>Query.Select</c>.</exception>
    /// <exception cref="NotSupportedException">The specification uses a feature this evaluator does not evaluate.</exception>
    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> inputQuery, ISpecification<T, TResult> specification)
        where T : class
    {
        ThrowIfUsed(specification, [
            (specification.SelectorMany is not null, "SelectMany"),
            (specification.PostProcessingAction is not null, "PostProcessingAction"),
        ]);
        var selector = specification.Selector ?? throw new SelectorNotFoundException();
        return GetQuery(inputQuery, (ISpecification<T>)specification).Select(selector);
    }

    /// <param name="evaluateCriteriaOnly">True for counts and existence checks: only the criteria apply, not paging.</param>
    /// <exception cref="NotSupportedException">The specification uses a feature this evaluator does not evaluate.</exception>
    public IQueryable<T> GetQuery<T>(IQueryable<T> inputQuery, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ThrowIfUsed(specification, [
            (specification.SearchCriterias.Any(), "Search"),
            (specification.IncludeStrings.Any(), "Include by name"),
            (specification.IncludeExpressions.Any(i => i.Type == IncludeTypeEnum.ThenInclude), "ThenInclude"),
            (specification.QueryTags.Any(), "TagWith"),
            (specification.CacheEnabled, "EnableCache"),
            (specification.PostProcessingAction is not null, "PostProcessingAction"),
            (specification.AsNoTrackingWithIdentityResolution, "AsNoTrackingWithIdentityResolution"),
            (specification.IgnoreQueryFilters, "IgnoreQueryFilters"),
            (specification.IgnoreAutoIncludes, "IgnoreAutoIncludes"),
        ]);

        var query = WhereEvaluator.Instance.GetQuery(inputQuery, specification);
        if (evaluateCriteriaOnly)
        {
            return query;
        }

        query = specification.IncludeExpressions.Aggregate(query, Include);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        query = PaginationEvaluator.Instance.GetQuery(query, specification);

        // Neither flag leaves the context's default, as the package's evaluator does.
        query = specification.AsTracking ? query.AsTracking()
            : specification.AsNoTracking ? query.AsNoTracking()
            : query;
        return specification.AsSplitQuery ? query.AsSplitQuery() : query;
    }

    /// <summary>
    /// The builder keeps each include as an untyped lambda; EF's typed Include is called with the lambda's own
    /// entity and property types, so a filtered include is translated by EF as if written in place.
    /// </summary>
    private static IQueryable<T> Include<T>(IQueryable<T> query, IncludeExpressionInfo include)
        where T : class =>
        (IQueryable<T>)IncludeMethod.MakeGenericMethod(typeof(T), include.LambdaExpression.ReturnType)
            .Invoke(null, [query, include.LambdaExpression])!;

    private static void ThrowIfUsed(object specification, IEnumerable<(bool Used, string Feature)> features)
    {
        var used = features.Where(f => f.Used).Select(f => f.Feature).ToList();
        if (used.Count > 0)
        {
            throw new NotSupportedException(
                $"{specification.GetType().Name} uses {string.Join(", ", used)}, which our specification evaluator does not evaluate: "
                + "evaluate it in Infrastructure/Persistence/SpecificationEvaluator.cs or switch to Ardalis.Specification.EntityFrameworkCore (docs/decisions/0002).");
        }
    }
}
