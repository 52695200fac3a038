using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The products and customer groups offered as a clerk types at intake (<see cref="TextSuggestions"/>): read from the last
/// year's complaints once per field for every clerk, kept for <see cref="Fresh"/>, and matched in memory at each key.
/// </summary>
public sealed class IntakeSuggestions(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long the values read are offered before they are read again: a value first typed shows after this at most.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    /// <summary>How far back the values are read.</summary>
    public static readonly TimeSpan Looked = TimeSpan.FromDays(365);

    /// <summary>How many are offered at once.</summary>
    public const int Shown = 10;

    public async Task<IEnumerable<string>> SearchAsync(StatisticsText field, string? typed, CancellationToken cancellationToken = default)
    {
        var values = await cache.GetOrCreateAsync((typeof(IntakeSuggestions), field), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Fresh;
            await using var scope = scopes.CreateAsyncScope();
            // Not the typing's token: a value read for one clerk is kept for all, even when that clerk typed on.
            return await new TextSuggestions(scope.ServiceProvider.GetRequiredService<PortalDbContext>()).ReadAsync(field, time.GetUtcNow() - Looked, CancellationToken.None);
        });
        cancellationToken.ThrowIfCancellationRequested();
        return [.. TextSuggestions.Matching(values ?? [], typed).Take(Shown)];
    }
}
