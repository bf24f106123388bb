using System.Linq.Expressions;

namespace Wellbeing.Application.Common.Specifications;

/// <summary>
/// A named, reusable query over an aggregate root. Shaped like Ardalis.Specification (Query.Where / Include /
/// OrderBy / Paginate / Select) so switching to that package is a change of base class: see docs/decisions/0002.
/// </summary>
public abstract class Specification<T>
    where T : class
{
    protected Specification() => Query = new SpecificationBuilder<T>(this);

    protected SpecificationBuilder<T> Query { get; }

    public List<Expression<Func<T, bool>>> WhereExpressions { get; } = [];
    public List<Expression<Func<T, object?>>> IncludeExpressions { get; } = [];
    public List<(Expression<Func<T, object?>> KeySelector, bool Descending)> OrderExpressions { get; } = [];
    public int? Skip { get; internal set; }
    public int? Take { get; internal set; }

    /// <summary>Read-only queries skip change tracking; repositories track only what a use case will change.</summary>
    public bool AsTracking { get; internal set; }

    /// <summary>Evaluates the criteria in memory, for rules that must hold on an entity already loaded.</summary>
    public bool IsSatisfiedBy(T entity) => WhereExpressions.All(w => w.Compile()(entity));
}

/// <summary>A specification that projects each match into a read model, so the database returns only what is shown.</summary>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    public Expression<Func<T, TResult>>? Selector { get; private set; }

    protected void Select(Expression<Func<T, TResult>> selector) => Selector = selector;
}

public sealed class SpecificationBuilder<T>(Specification<T> specification)
    where T : class
{
    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        specification.WhereExpressions.Add(criteria);
        return this;
    }

    public SpecificationBuilder<T> Include(Expression<Func<T, object?>> navigation)
    {
        specification.IncludeExpressions.Add(navigation);
        return this;
    }

    public SpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> key)
    {
        specification.OrderExpressions.Add((key, false));
        return this;
    }

    public SpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> key)
    {
        specification.OrderExpressions.Add((key, true));
        return this;
    }

    public SpecificationBuilder<T> Paginate(int skip, int take)
    {
        specification.Skip = skip;
        specification.Take = take;
        return this;
    }

    public SpecificationBuilder<T> AsTracking()
    {
        specification.AsTracking = true;
        return this;
    }
}
