using ComplaintPortal.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Wakes the relay right after a save that appended ledger events, so local changes reach boards at once.</summary>
public sealed class LedgerCommitSignal(CaseChangeRelay relay) : SaveChangesInterceptor
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

    private static void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<LedgerEvent>().Any(e => e.State == EntityState.Added))
        {
            // AddOrUpdate: a save that failed (a lost race for a ledger position) leaves its mark, and the
            // retry on the same context must not throw (found by scripts/crash-drill.sh).
            Pending.AddOrUpdate(context, Marker);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            relay.Wake();
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];
}
