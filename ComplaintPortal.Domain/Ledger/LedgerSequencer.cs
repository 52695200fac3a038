using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Gives every new ledger event the next <see cref="LedgerEvent.Position"/> in the global sequence as it
/// is saved. The unique index on the position makes two writers that drew the same number conflict (one
/// retries), so the sequence has no gaps: a missing position is a removed event.
/// </summary>
public sealed class LedgerSequencer : SaveChangesInterceptor
{
    public static LedgerSequencer Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Unplaced(eventData.Context) is { Count: > 0 } events)
        {
            Place(events, eventData.Context!.Set<LedgerEvent>().Max(e => (long?)e.Position) ?? 0);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Unplaced(eventData.Context) is { Count: > 0 } events)
        {
            Place(events, await eventData.Context!.Set<LedgerEvent>().MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0);
        }

        return result;
    }

    private static List<LedgerEvent> Unplaced(DbContext? context) => context is null
        ? []
        : context.ChangeTracker.AsDetected<LedgerEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Position == 0)
            .Select(e => e.Entity)
            .OrderBy(e => e.ComplaintId).ThenBy(e => e.Sequence)
            .ToList();

    private static void Place(List<LedgerEvent> events, long last)
    {
        foreach (var e in events)
        {
            e.PlaceAt(++last);
        }
    }
}
