using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Privacy;

/// <summary>
/// Refuses any save that would change or delete a line of the personal-data view log. The triggers of the
/// migration that created the log hold the same line for anything that bypasses EF Core.
/// </summary>
public sealed class AppendOnlyPrivacyInterceptor : SaveChangesInterceptor
{
    public const string Table = "PersonalDataViews";

    public static AppendOnlyPrivacyInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.AsDetected<PersonalDataView>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The personal-data view log is append-only: its lines cannot be changed or deleted.");
        }
    }
}
