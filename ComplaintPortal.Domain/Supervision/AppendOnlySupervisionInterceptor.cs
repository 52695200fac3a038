using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// Refuses any save that would change or delete a supervision log line or a published (frozen) set of
/// figures. The triggers of the Supervision migration hold the same line for anything that bypasses EF Core.
/// </summary>
public sealed class AppendOnlySupervisionInterceptor : SavingCheck
{
    public static AppendOnlySupervisionInterceptor Instance { get; } = new();

    protected override void Saving(DbContext context)
    {
        var tampering = context.ChangeTracker.AsDetected()
            .Any(e => (e.Entity is SupervisionLogEntry or FiguresPublication) && e.State is EntityState.Modified or EntityState.Deleted);
        if (tampering)
        {
            throw new SupervisionRecordFrozenException();
        }
    }
}

public sealed class SupervisionRecordFrozenException : InvalidOperationException
{
    public SupervisionRecordFrozenException()
        : base("Supervision log lines and published figures are frozen: they cannot be changed or deleted.")
    {
    }

    public SupervisionRecordFrozenException(string message)
        : base(message)
    {
    }

    public SupervisionRecordFrozenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
