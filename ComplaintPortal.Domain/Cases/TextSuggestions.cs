using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// What clerks have typed in a free-text field that the statistics group by (the product, the customer group, the place), offered back
/// at intake so the next clerk picks the same value rather than a new spelling. Each value once, spelt as most complaints
/// spell it, the most used first. Customer groups are personal data: only those the statistics would name are offered.
/// </summary>
public sealed class TextSuggestions(PortalDbContext db)
{
    /// <summary>How many values are kept per field: the most used.</summary>
    public const int Kept = 200;

    /// <summary>The values used by complaints received since <paramref name="since"/>, most used first.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(StatisticsText field, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var values = db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= since).Select(TextGroups.Column(field));
        var counted = await values.Where(v => v != null).GroupBy(v => v!)
            .Select(g => new { Value = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var fewest = field == StatisticsText.CustomerGroup ? TextGroups.FewestToNameGroup : 1;
        return [.. counted.GroupBy(v => TextGroups.KeyOf(v.Value), StringComparer.Ordinal)
            .Select(g => (Name: g.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).First().Value, Count: g.Sum(v => v.Count)))
            .Where(g => g.Count >= fewest)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(Kept)
            .Select(g => g.Name)];
    }

    /// <summary>
    /// The values that hold what was typed, however it is spelt ("xp" finds "XP-200", "ＸＰ" too), in their order; all of them
    /// when nothing is typed yet.
    /// </summary>
    public static IEnumerable<string> Matching(IEnumerable<string> values, string? typed)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return values;
        }

        var key = TextGroups.KeyOf(typed);
        return values.Where(v => TextGroups.KeyOf(v).Contains(key, StringComparison.Ordinal));
    }
}
