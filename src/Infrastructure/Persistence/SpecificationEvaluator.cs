using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Specifications;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>Turns a specification into an EF query, so every repository query is built the same way.</summary>
public sealed class SpecificationEvaluator
{
    /// <param name="applyPaging">False for counts, which must see every match, not one page.</param>
    public IQueryable<T> GetQuery<T>(IQueryable<T> source, Specification<T> specification, bool applyPaging = true)
        where T : class
    {
        var query = specification.AsTracking ? source.AsTracking() : source.AsNoTracking();

        foreach (var criteria in specification.WhereExpressions)
        {
            query = query.Where(criteria);
        }

        foreach (var include in specification.IncludeExpressions)
        {
            query = query.Include(NavigationPath(include));
        }

        query = Order(query, specification);

        if (!applyPaging)
        {
            return query;
        }

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> source, Specification<T, TResult> specification)
        where T : class
    {
        var selector = specification.Selector
            ?? throw new InvalidOperationException($"{specification.GetType().Name} projects to {typeof(TResult).Name} but never calls Select.");
        return GetQuery(source, (Specification<T>)specification).Select(selector);
    }

    private static IQueryable<T> Order<T>(IQueryable<T> query, Specification<T> specification)
        where T : class
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (keySelector, descending) in specification.OrderExpressions)
        {
            ordered = (ordered, descending) switch
            {
                (null, false) => query.OrderBy(keySelector),
                (null, true) => query.OrderByDescending(keySelector),
                (_, false) => ordered.ThenBy(keySelector),
                (_, true) => ordered.ThenByDescending(keySelector),
            };
        }

        return ordered ?? query;
    }

    /// <summary>
    /// The builder stores includes as Func&lt;T, object?&gt;, which boxes the navigation in a conversion EF's typed
    /// Include rejects; the dotted member path says the same thing without the cast.
    /// </summary>
    private static string NavigationPath<T>(Expression<Func<T, object?>> include)
    {
        var members = new Stack<string>();
        var body = include.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : include.Body;
        while (body is MemberExpression member)
        {
            members.Push(member.Member.Name);
            body = member.Expression;
        }

        if (body is not ParameterExpression || members.Count == 0)
        {
            throw new ArgumentException($"Include expects a navigation such as x => x.Items, not {include}.", nameof(include));
        }

        return string.Join('.', members);
    }
}
