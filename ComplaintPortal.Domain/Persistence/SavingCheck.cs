using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// A save interceptor whose work needs nothing from the database, only the tracked entries: done alike for a save and an
/// asynchronous save, before it is written (a guard throws to refuse it).
/// </summary>
public abstract class SavingCheck : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>The work, on the context about to save.</summary>
    protected abstract void Saving(DbContext context);
}
