using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// Counts the SQL commands one DbContext instance runs, from EF Core's diagnostics (other contexts of the same app, in
/// other scopes or tests, are not counted).
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly DbContext _context;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _texts = [];
    private int _count;
    private int _queries;

    public CommandCounter(DbContext context)
    {
        _context = context;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Every command the context ran since the counter was made.</summary>
    public int Count => _count;

    /// <summary>The commands among <see cref="Count"/> that only read (SELECT), leaving out the saves.</summary>
    public int Queries => _queries;

    /// <summary>The SQL of every command counted, in the order they ran.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data && ReferenceEquals(data.Context, _context))
        {
            Interlocked.Increment(ref _count);
            lock (_texts)
            {
                _texts.Add(data.Command.CommandText);
            }

            if (data.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _queries);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
