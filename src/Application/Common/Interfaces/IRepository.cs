using Ardalis.Specification;
using Wellbeing.Domain.Common;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>Loads and saves aggregate roots through specifications; the only way use cases touch stored entities.</summary>
public interface IRepository<T>
    where T : class, IAggregateRoot
{
    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>Counts matches ignoring paging, for "page 2 of 7".</summary>
    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    void Add(T entity);

    void Remove(T entity);
}

/// <summary>Commits every change the use case made through any repository, in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets every entity loaded or added so far (saved or not), so that a long batch of units keeps each save as
    /// cheap as the first; load again what the next unit changes.
    /// </summary>
    void ClearTracking();
}
