using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>A free-text field of the case that the statistics group complaints by.</summary>
public enum StatisticsText
{
    /// <summary>The product model (產品型號).</summary>
    Product = 0,

    /// <summary>The customer group or tenant unit (客戶群體): kept as personal data, so only groups of several complaints are named.</summary>
    CustomerGroup = 1,

    /// <summary>The place concerned (地點: a shop, a floor, the car park), where a plaza's complaints gather as a maker's gather on products.</summary>
    Location = 2,
}

/// <summary>What a group of a free-text field holds.</summary>
public enum TextGroupKind
{
    /// <summary>One value, however it was spelt.</summary>
    Named = 0,

    /// <summary>Every value given that is not among the named ones.</summary>
    Others = 1,

    /// <summary>The complaints that left the field empty.</summary>
    NotGiven = 2,
}

/// <summary>
/// One group of a free-text field on a statistics table. <paramref name="Spellings"/> are the values as stored: for a named
/// group, the spellings it gathers ("XP-200", "xp-200", "ＸＰ－２００"); for the others, every named group's, which it leaves out.
/// </summary>
public sealed record TextGroup(StatisticsText Field, TextGroupKind Kind, IReadOnlyList<string> Spellings)
{
    /// <summary>Which complaints the group holds, as the database reads them.</summary>
    internal Expression<Func<Complaint, bool>> Rule()
    {
        var column = TextGroups.Column(Field);
        var value = column.Body;
        var spellings = Spellings.ToList();
        // Read through a closure, so the database is given the spellings as a parameter, as a captured list would be.
        Expression<Func<List<string>>> captured = () => spellings;
        var given = Expression.NotEqual(value, Expression.Constant(null, typeof(string)));
        var listed = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], captured.Body, value);
        Expression rule = Kind switch
        {
            TextGroupKind.Named => Expression.AndAlso(given, listed),
            TextGroupKind.Others => Expression.AndAlso(given, Expression.Not(listed)),
            _ => Expression.Equal(value, Expression.Constant(null, typeof(string))),
        };
        return Expression.Lambda<Func<Complaint, bool>>(rule, column.Parameters);
    }
}

/// <summary>
/// A free-text group's line: <paramref name="Name"/> is the group's most used spelling (none for the others and the not
/// given), with the complaints the same group received in the period before (a product rising is a batch to look into).
/// </summary>
public sealed record TextStatistics(TextGroup Group, string? Name, StatisticsLine Line, int ReceivedBefore = 0)
{
    public int Change => Line.Received - ReceivedBefore;
}

/// <summary>What the complaints of the period before typed in one field: how many used each spelling, and how many left it empty.</summary>
public sealed record TextsBefore(IReadOnlyDictionary<string, int> Spellings, int NotGiven)
{
    public static readonly TextsBefore None = new(new Dictionary<string, int>(), 0);

    public static TextsBefore Of(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        var notGiven = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                notGiven++;
            }
            else
            {
                spellings[value] = spellings.GetValueOrDefault(value) + 1;
            }
        }

        return new(spellings, notGiven);
    }
}

/// <summary>
/// Groups complaints by what the clerks typed in a free-text field. Values are the same when they differ only in width
/// (full-width ＡＢ１ is AB1), case or spacing. The groups with most complaints are named, up to <see cref="Named"/>; the rest
/// are one line of others, and the complaints without a value one more. A customer group is only named with at least
/// <see cref="FewestToNameGroup"/> complaints, so the statistics never single out one customer.
/// </summary>
public static class TextGroups
{
    /// <summary>How many groups are named on a table.</summary>
    public const int Named = 10;

    /// <summary>The fewest complaints a customer group needs to be named; smaller groups are counted with the others.</summary>
    public const int FewestToNameGroup = 3;

    /// <summary>The case's column that holds <paramref name="field"/>.</summary>
    internal static Expression<Func<Complaint, string?>> Column(StatisticsText field) => field switch
    {
        StatisticsText.Product => c => c.Subject.ProductModel,
        StatisticsText.CustomerGroup => c => c.Complainant.CustomerGroup,
        _ => c => c.Subject.Location,
    };

    /// <summary>The value that spellings of the same thing share: compatibility-normalised (full width to half), spaces collapsed, upper case.</summary>
    public static string KeyOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = value.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).ToUpperInvariant();
    }

    /// <summary>
    /// The lines of <paramref name="field"/>: the named groups (most complaints first), then the others, then the not given,
    /// each with what it received in the period before. The groups are named by this period's complaints; a named group
    /// also holds the spellings only the period before used, so its complaints of then are listed as they are counted. A
    /// value only the period before used is among the others.
    /// </summary>
    internal static IReadOnlyList<TextStatistics> Lines(StatisticsText field, IReadOnlyDictionary<string, StatisticsLine> bySpelling, StatisticsLine notGiven,
        TextsBefore before)
    {
        var fewest = field == StatisticsText.CustomerGroup ? FewestToNameGroup : 1;
        // The spellings by key: the key is worked out once per spelling, not per complaint.
        var named = bySpelling.GroupBy(s => KeyOf(s.Key), StringComparer.Ordinal)
            .Select(k => new
            {
                Name = k.OrderByDescending(s => s.Value.Received).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                Spellings = k.Select(s => s.Key).Order(StringComparer.Ordinal).ToList(),
                Line = StatisticsLine.Sum(k.Select(s => s.Value)),
            })
            .Where(g => g.Line.Received >= fewest)
            .OrderByDescending(g => g.Line.Received).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(Named)
            .ToList();
        var beforeByKey = before.Spellings.GroupBy(s => KeyOf(s.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lines = named.Select(g =>
        {
            var then = beforeByKey.GetValueOrDefault(KeyOf(g.Name)) ?? [];
            var spellings = g.Spellings.Union(then.Select(s => s.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new TextStatistics(new TextGroup(field, TextGroupKind.Named, spellings), g.Name, g.Line, then.Sum(s => s.Value));
        }).ToList();
        var namedSpellings = lines.SelectMany(l => l.Group.Spellings).ToHashSet(StringComparer.Ordinal);
        var others = bySpelling.Where(s => !namedSpellings.Contains(s.Key)).Select(s => s.Value).ToList();
        var othersBefore = before.Spellings.Where(s => !namedSpellings.Contains(s.Key)).Sum(s => s.Value);
        if (others.Count > 0 || othersBefore > 0)
        {
            lines.Add(new(new TextGroup(field, TextGroupKind.Others, [.. namedSpellings.Order(StringComparer.Ordinal)]), null, StatisticsLine.Sum(others), othersBefore));
        }

        if (notGiven.Received > 0 || before.NotGiven > 0)
        {
            lines.Add(new(new TextGroup(field, TextGroupKind.NotGiven, []), null, notGiven, before.NotGiven));
        }

        return lines;
    }
}
