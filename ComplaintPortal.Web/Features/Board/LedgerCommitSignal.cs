using System.Data.Common;
using ComplaintPortal.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Wakes the relay right after ledger events are committed, so local changes reach boards at once: after the save
/// that appended them, or, when the save ran inside an explicit transaction (the intake's), after that transaction
/// committed. Woken before the commit, the relay would read nothing new and the change would wait for its next poll
/// (<see cref="BoardOptions.PollInterval"/>; the board's diagnostics probe showed every new case arriving ~0.5 s late).
/// With the board's diagnostics on, it also tells the <see cref="BoardProbe"/> when those events were committed.
/// </summary>
public sealed class LedgerCommitSignal(CaseChangeRelay relay, BoardProbe probe) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    private static readonly object Marker = new();

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<LedgerEvent>().Any(e => e.State == EntityState.Added))
        {
            // AddOrUpdate: a save that failed (a lost race for a ledger position) leaves its mark, and the
            // retry on the same context must not throw (found by scripts/crash-drill.sh).
            // Diagnostics keep the events themselves (every save's of one transaction), to read their ids once saved.
            Pending.AddOrUpdate(context, probe.Enabled ? SavedEvents(context) : Marker);
        }
    }

    private static List<LedgerEvent> SavedEvents(DbContext context)
    {
        var events = Pending.TryGetValue(context, out var earlier) && earlier is List<LedgerEvent> saved ? saved : [];
        events.AddRange(context.ChangeTracker.Entries<LedgerEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        return events;
    }

    private void Saved(DbContext? context)
    {
        // Inside an explicit transaction nothing is visible to the relay yet: wait for the commit.
        if (context?.Database.CurrentTransaction is null)
        {
            Signal(context);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var mark) && Pending.Remove(context))
        {
            if (mark is List<LedgerEvent> saved)
            {
                probe.Committed(saved.Select(e => e.Id));
            }

            relay.Wake();
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];
}
