using System.Collections.Concurrent;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Account;

/// <summary>An account's security stamp and lockout as last read.</summary>
internal sealed record AccountStanding(string? SecurityStamp, DateTimeOffset? LockoutEnd);

/// <summary>
/// The accounts' stamps and lockouts as the open circuits' re-checks read them, one read shared by the circuits of one account
/// that re-check within <see cref="Freshness"/>: a wall of boards signed in as one account re-checked every circuit with a
/// query of its own (100 circuits, 100 reads every 10 s), now about one a second. A change to the account is seen at most
/// <see cref="Freshness"/> later than before.
/// </summary>
internal sealed class AccountStandings(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long one read answers the re-checks of the same account.</summary>
    public static TimeSpan Freshness { get; } = TimeSpan.FromSeconds(1);

    private const int PruneAbove = 1_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, Task<AccountStanding?> Read)> reads = new(StringComparer.Ordinal);

    /// <summary>The account's standing, read now or within <see cref="Freshness"/>; null when there is no such account.</summary>
    public Task<AccountStanding?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = time.GetUtcNow();
        if (reads.TryGetValue(userId, out var shared) && now - shared.ReadAt < Freshness && !shared.Read.IsFaulted && !shared.Read.IsCanceled)
        {
            return shared.Read.WaitAsync(cancellationToken);
        }

        if (reads.Count > PruneAbove)
        {
            foreach (var stale in reads.Where(r => now - r.Value.ReadAt >= Freshness))
            {
                reads.TryRemove(stale);
            }
        }

        // Read without the asking circuit's cancellation: the others waiting on the same read must not fail with it.
        var read = LoadAsync(userId);
        reads[userId] = (now, read);
        return read.WaitAsync(cancellationToken);
    }

    private async Task<AccountStanding?> LoadAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountStanding(u.SecurityStamp, u.LockoutEnd))
            .FirstOrDefaultAsync();
    }
}
