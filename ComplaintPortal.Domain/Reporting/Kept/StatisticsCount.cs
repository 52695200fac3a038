using System.Linq.Expressions;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>Which line of the statistics a kept count belongs to.</summary>
public enum StatisticsCountLine
{
    /// <summary>All complaints (key empty).</summary>
    Total = 0,
    /// <summary>A category (key its id; empty: none given).</summary>
    Category = 1,
    /// <summary>A channel (key its name).</summary>
    Channel = 2,
    /// <summary>A department the complaint was sent to (key its id).</summary>
    Department = 3,
    /// <summary>A kind of solution a department chose (key its code).</summary>
    Solution = 4,
    /// <summary>A cause category a department filed (key its code; empty: findings filed under none).</summary>
    Cause = 5,
    /// <summary>The product as typed (key the spelling; empty: not given).</summary>
    Product = 6,
    /// <summary>The customer group as typed (key the spelling; empty: not given).</summary>
    CustomerGroup = 7,
    /// <summary>The place as typed (key the spelling; empty: not given).</summary>
    Location = 8,
    /// <summary>The hour of receipt in the organisation's day (key 0 to 23).</summary>
    Hour = 9,
    /// <summary>The day of the week of receipt (key 0, Monday, to 6).</summary>
    Weekday = 10,
}

/// <summary>
/// Kept statistics figures of one month (of receipt), one reader's scope (the whole organisation, or one department's
/// head) and one line's key. Rows are appended as changes are saved (each change adds the difference it makes, in the same
/// <c>SaveChanges</c>: <see cref="StatisticsCounter"/>), and <see cref="StatisticsCounts.CompactAsync"/> folds them into one
/// row per cell; a figure is the sum of its cell's rows.
/// </summary>
public sealed class StatisticsCount
{
    /// <summary>The whole organisation's scope; any other is a department's id.</summary>
    public const int WholeOrganisation = 0;

    /// <summary>The longest key: a free-text field's spelling.</summary>
    public const int KeyMaxLength = Cases.ComplaintSubject.FieldMaxLength > Cases.Complainant.GroupMaxLength
        ? Cases.ComplaintSubject.FieldMaxLength : Cases.Complainant.GroupMaxLength;

    public long Id { get; private set; }

    /// <summary>Year × 100 + month of receipt, in the counting zone (<see cref="StatisticsCountState"/>).</summary>
    public int Month { get; internal set; }

    /// <summary><see cref="WholeOrganisation"/>, or the department whose head reads only the complaints sent to it.</summary>
    public int Scope { get; internal set; }

    public StatisticsCountLine Line { get; internal set; }

    public string Key { get; internal set; } = "";

    public int Received { get; internal set; }

    public int Closed { get; internal set; }

    public int Surveyed { get; internal set; }

    public int Satisfied { get; internal set; }

    public int Reopened { get; internal set; }

    public int RepeatCallers { get; internal set; }

    public int AttitudeSurveyed { get; internal set; }

    public int AttitudeSatisfied { get; internal set; }

    internal bool IsZero => Received == 0 && Closed == 0 && Surveyed == 0 && Satisfied == 0 && Reopened == 0 && RepeatCallers == 0
        && AttitudeSurveyed == 0 && AttitudeSatisfied == 0;

    internal void Add(StatisticsLine line, int sign)
    {
        Received += sign * line.Received;
        Closed += sign * line.Closed;
        Surveyed += sign * line.Surveyed;
        Satisfied += sign * line.Satisfied;
        Reopened += sign * line.Reopened;
        RepeatCallers += sign * line.RepeatCallers;
        AttitudeSurveyed += sign * line.AttitudeSurveyed;
        AttitudeSatisfied += sign * line.AttitudeSatisfied;
    }
}

/// <summary>Whether the statistics counts are kept, and in which zone their months and hours are counted (one row).</summary>
public sealed class StatisticsCountState
{
    public const int SingletonId = 1;

    public int Id { get; internal set; } = SingletonId;

    public string ZoneId { get; internal set; } = "";

    public DateTimeOffset BuiltAt { get; internal set; }
}

/// <summary>The kept rows of one cell or group of cells, summed by the database.</summary>
internal sealed record SummedCounts<TKey>(TKey Key, StatisticsLine Line);

internal static class StatisticsCountQueries
{
    /// <summary>The rows summed by <paramref name="key"/>; with <paramref name="severalOnly"/>, only the keys with more than one row.</summary>
    public static IQueryable<SummedCounts<TKey>> SumBy<TKey>(this IQueryable<StatisticsCount> rows, Expression<Func<StatisticsCount, TKey>> key,
        bool severalOnly = false) =>
        rows.GroupBy(key)
            .Where(g => !severalOnly || g.Count() > 1)
            .Select(g => new SummedCounts<TKey>(g.Key, new StatisticsLine(g.Sum(r => r.Received), g.Sum(r => r.Closed), g.Sum(r => r.Surveyed),
                g.Sum(r => r.Satisfied), g.Sum(r => r.Reopened), g.Sum(r => r.RepeatCallers), g.Sum(r => r.AttitudeSurveyed), g.Sum(r => r.AttitudeSatisfied))));
}
