using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// Runs another writer's whole save (on its own context) just before the first save of the context it is added to: the
/// same-instant race, where both read the same state and the other lands first.
/// </summary>
public sealed class BeforeFirstSave(Func<Task> other) : SaveChangesInterceptor
{
    public bool Ran { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!Ran)
        {
            Ran = true;
            await other();
        }

        return result;
    }
}
