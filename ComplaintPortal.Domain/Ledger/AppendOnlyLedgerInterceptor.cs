using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Refuses any save that would change or delete a ledger event. The database triggers added in the
/// Cases migration hold the same line for anything that bypasses EF Core.
/// </summary>
public sealed class AppendOnlyLedgerInterceptor : SavingCheck
{
    public static AppendOnlyLedgerInterceptor Instance { get; } = new();

    protected override void Saving(DbContext context)
    {
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
