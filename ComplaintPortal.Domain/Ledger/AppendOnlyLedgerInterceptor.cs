using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Refuses any save that would change or delete a ledger event. The database triggers added in the
/// Cases migration hold the same line for anything that bypasses EF Core.
/// </summary>
public sealed class AppendOnlyLedgerInterceptor : SaveChangesInterceptor
{
    public static AppendOnlyLedgerInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tampering = context.ChangeTracker.AsDetected<LedgerEvent>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampering)
        {
            throw new LedgerAppendOnlyException();
        }
    }
}

public sealed class LedgerAppendOnlyException : InvalidOperationException
{
    public LedgerAppendOnlyException()
        : base("Ledger events are append-only: they cannot be changed or deleted.")
    {
    }

    public LedgerAppendOnlyException(string message)
        : base(message)
    {
    }

    public LedgerAppendOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
