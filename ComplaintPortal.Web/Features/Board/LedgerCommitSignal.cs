using ComplaintPortal.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Wakes the relay right after a save that appended ledger events, so local changes reach boards at once. With the
/// board's diagnostics on, it also tells the <see cref="BoardProbe"/> when those events were saved.
/// </summary>
public sealed class LedgerCommitSignal(CaseChangeRelay relay, BoardProbe probe) : SaveChangesInterceptor
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
        Signal(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private static readonly object Marker = new();

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<LedgerEvent>().Any(e => e.State == EntityState.Added))
        {
            // AddOrUpdate: a save that failed (a lost race for a ledger position) leaves its mark, and the
            // retry on the same context must not throw (found by scripts/crash-drill.sh).
            // Diagnostics keep the events themselves, to read their ids once the save has given them.
            Pending.AddOrUpdate(context, probe.Enabled
                ? context.ChangeTracker.Entries<LedgerEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList()
                : Marker);
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
