using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.FunctionalTests.Statistics.Simulation;

/// <summary>
/// The storage the publication handler needs, in memory, for one simulated hub: the hub and its published blocks.
/// It holds a single hub, so every hub specification matches it, and it answers the one projection the handler asks
/// for (the published intervals) without compiling expressions, which would cost more than the whole simulation.
/// Saving refuses a second block of a period start, as the database's unique index does.
/// </summary>
internal sealed class OneHubStore(Hub hub) : IRepository<Hub>, IRepository<PeriodBlock>, IUnitOfWork
{
    private readonly List<PeriodBlock> _published = [];
    private readonly List<PeriodBlock> _added = [];

    /// <summary>Every stored block, in the order it was published.</summary>
    public IReadOnlyList<PeriodBlock> Published => _published;

    public Task<List<Hub>> ListAsync(ISpecification<Hub> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(new List<Hub> { hub });

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<PeriodBlock, TResult> specification, CancellationToken cancellationToken = default) =>
        specification is PublishedIntervalsSpec
            ? Task.FromResult(_published.Select(b => (TResult)(object)new PublishedInterval(b.PeriodStart, b.PeriodEnd)).ToList())
            : throw new NotSupportedException($"{specification.GetType().Name} is not used by the publication.");

    public void Add(PeriodBlock entity) => _added.Add(entity);

    /// <summary>Lets go of a block added but not saved, as the handler does with one another run stored first.</summary>
    public void Remove(PeriodBlock entity) => _added.Remove(entity);

    // The store holds the objects themselves, not tracked copies: there is nothing to forget.
    public void ClearTracking()
    {
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var added = _added.ToList();
        _added.Clear();
        if (added.Any(a => _published.Any(p => p.HubId == a.HubId && p.PeriodStart == a.PeriodStart)))
        {
            throw new ConflictException("This period was already published.");
        }

        _published.AddRange(added);
        return Task.CompletedTask;
    }

    // Its one hub matches every hub specification, as in ListAsync.
    Task<Hub?> IRepository<Hub>.FirstOrDefaultAsync(ISpecification<Hub> specification, CancellationToken cancellationToken) => Task.FromResult<Hub?>(hub);
    Task<TResult?> IRepository<Hub>.FirstOrDefaultAsync<TResult>(ISpecification<Hub, TResult> specification, CancellationToken cancellationToken) where TResult : default => Unused<TResult?>();
    Task<List<TResult>> IRepository<Hub>.ListAsync<TResult>(ISpecification<Hub, TResult> specification, CancellationToken cancellationToken) => Unused<List<TResult>>();
    Task<int> IRepository<Hub>.CountAsync(ISpecification<Hub> specification, CancellationToken cancellationToken) => Unused<int>();
    Task<bool> IRepository<Hub>.AnyAsync(ISpecification<Hub> specification, CancellationToken cancellationToken) => Unused<bool>();
    void IRepository<Hub>.Add(Hub entity) => Unused<Hub>();
    void IRepository<Hub>.Remove(Hub entity) => Unused<Hub>();
    Task<PeriodBlock?> IRepository<PeriodBlock>.FirstOrDefaultAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken) => Unused<PeriodBlock?>();
    Task<TResult?> IRepository<PeriodBlock>.FirstOrDefaultAsync<TResult>(ISpecification<PeriodBlock, TResult> specification, CancellationToken cancellationToken) where TResult : default => Unused<TResult?>();
    Task<List<PeriodBlock>> IRepository<PeriodBlock>.ListAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken) => Unused<List<PeriodBlock>>();
    Task<int> IRepository<PeriodBlock>.CountAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken) => Unused<int>();
    Task<bool> IRepository<PeriodBlock>.AnyAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken) => Unused<bool>();

    private static Task<T> Unused<T>() => throw new NotSupportedException("The publication does not use this.");
}
