namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Which rows of a list to read for one page. Given the list's length, a page past the middle is read from the end, in the
/// reverse order (<see cref="FromEnd"/>: skip and take counted from the last row back), so the last page of a long list
/// costs what the first does.
/// </summary>
internal readonly record struct ListPage(int Skip, int Take, bool FromEnd)
{
    public static ListPage Of(int skip, int take, int? total) =>
        total is { } count && skip > count / 2 && skip < count
            ? new(Math.Max(0, count - skip - take), Math.Min(take, count - skip), true)
            : new(skip, take, false);
}

/// <summary>
/// Where a page begins in a list read month by month, when the kept counts say how many rows each month holds: the
/// months before it are stepped over by their counts rather than read (the middle page of a year of 454,837 complaints
/// read 227,000 rows to find its ten).
/// </summary>
internal static class MonthJump
{
    /// <summary>
    /// The first month (index into <paramref name="rowsPerMonth"/>, in reading order) holding row <paramref name="skip"/>,
    /// and how many of that month's rows come before it. Past the last month: the months' count and the rows left over.
    /// </summary>
    public static (int Month, int Skip) Find(IReadOnlyList<int> rowsPerMonth, int skip)
    {
        ArgumentNullException.ThrowIfNull(rowsPerMonth);
        var month = 0;
        while (month < rowsPerMonth.Count && skip >= rowsPerMonth[month])
        {
            skip -= rowsPerMonth[month];
            month++;
        }

        return (month, skip);
    }
}
