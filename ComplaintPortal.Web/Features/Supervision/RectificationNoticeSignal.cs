using System.Data.Common;
using System.Runtime.CompilerServices;
using ComplaintPortal.Domain;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// Tells the open boards of a department that one of its rectification notices was issued, answered, sent
/// back, closed or escalated, so the board's notices strip reloads: at once for a change committed in this instance,
/// within a few seconds for one committed through another (<see cref="RectificationSignalTopic"/>).
/// </summary>
public sealed class RectificationNoticeSignal
{
    private event Action<int>? Changed;

    private event Action<int>? Own;

    /// <summary>Calls <paramref name="listener"/> with the department of every later notice change until disposed.</summary>
    public IDisposable Subscribe(Action<int> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Changed += listener;
        return new Subscription(() => Changed -= listener);
    }

    /// <summary>Like <see cref="Subscribe"/>, for the changes committed in this instance only (to tell the others).</summary>
    public IDisposable SubscribeOwn(Action<int> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Own += listener;
        return new Subscription(() => Own -= listener);
    }

    /// <param name="fromElsewhere">Committed through another instance, and relayed here.</param>
    public void Raise(int departmentId, bool fromElsewhere = false)
    {
        Changed?.Invoke(departmentId);
        if (!fromElsewhere)
        {
            Own?.Invoke(departmentId);
        }
    }
}

/// <summary>
/// Raises <see cref="RectificationNoticeSignal"/> after a save that added or changed notices, once it has committed:
/// at the end of the save, or of the transaction around it (a board reloading earlier would not see the change yet).
/// </summary>
public sealed class RectificationNoticeCommitSignal(RectificationNoticeSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<int>> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Discard(eventData.Context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context, committed: true);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var departments = context.ChangeTracker.Entries<RectificationNotice>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity.DepartmentId)
            .ToHashSet();
        if (departments.Count > 0)
        {
            var pending = Pending.GetOrCreateValue(context);
            lock (pending)
            {
                pending.UnionWith(departments);
            }
        }
    }

    private static void Discard(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private void Publish(DbContext? context, bool committed)
    {
        if (!committed || context is null || !Pending.TryGetValue(context, out var departments))
        {
            return;
        }

        Pending.Remove(context);
        foreach (var department in departments)
        {
            signal.Raise(department);
        }
    }
}

/// <summary>The rectification notices' changes between instances (<see cref="Hosting.InstanceSignalRelay"/>): the department's id.</summary>
internal sealed class RectificationSignalTopic(RectificationNoticeSignal signal) : Hosting.IInstanceSignalTopic
{
    public string Topic => "rectification";

    public IDisposable Watch(Action<string> tell) =>
        signal.SubscribeOwn(department => tell(department.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void Hear(string data)
    {
        if (int.TryParse(data, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var department))
        {
            signal.Raise(department, fromElsewhere: true);
        }
    }
}
