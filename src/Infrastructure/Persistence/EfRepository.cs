using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>One repository for every aggregate root: the queries live in specifications, not in repository methods.</summary>
public sealed class EfRepository<T>(WellbeingDbContext context, ISpecificationEvaluator evaluator) : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly DbSet<T> _set = context.Set<T>();

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        evaluator.GetQuery(_set, specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    public void Add(T entity) => _set.Add(entity);

    public void Remove(T entity) => _set.Remove(entity);
}
