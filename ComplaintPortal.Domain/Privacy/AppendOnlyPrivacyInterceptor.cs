using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Privacy;

/// <summary>
/// Refuses any save that would change or delete a line of the personal-data view log. The triggers of the
/// migration that created the log hold the same line for anything that bypasses EF Core.
/// </summary>
public sealed class AppendOnlyPrivacyInterceptor : SavingCheck
{
    public const string Table = "PersonalDataViews";

    public static AppendOnlyPrivacyInterceptor Instance { get; } = new();

    protected override void Saving(DbContext context)
    {
        if (context.ChangeTracker.AsDetected<PersonalDataView>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The personal-data view log is append-only: its lines cannot be changed or deleted.");
        }
    }
}
