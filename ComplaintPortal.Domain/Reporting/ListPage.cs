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
