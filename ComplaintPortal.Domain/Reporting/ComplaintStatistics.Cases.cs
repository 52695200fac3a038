using ComplaintPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>The cases behind a figure, a page at a time: exactly those the figure counts, in the order they came in.</summary>
public sealed partial class ComplaintStatistics
{
    /// <summary>
    /// One page of the cases behind a figure of <paramref name="period"/> on one line (<paramref name="slice"/>), in the order they
    /// came in: exactly those the figure counts.
    /// </summary>
    /// <param name="departmentId">A department head's own department, as given to <see cref="ReadAsync"/>.</param>
    /// <param name="total">
    /// How many the figure counts, as shown: a page past the middle is then read from the end, so the last page of a year
    /// of 430,000 complaints costs what the first does (skipping 430,000 rows took 2.5 s).
    /// </param>
    public async Task<IReadOnlyList<StatisticsCase>> CasesAsync(StatisticsFigure figure, StatisticsSlice slice, ReportPeriod period, TimeZoneInfo zone,
        int? departmentId, int skip, int take, CancellationToken cancellationToken = default, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var (from, to) = period.UtcRange(zone);
        var cases = Received(from, to, departmentId);
        if (slice.Uncategorised)
        {
            cases = cases.Where(c => c.CategoryId == null);
        }
        else if (slice.CategoryId is { } category)
        {
            cases = cases.Where(c => c.CategoryId == category);
        }

        if (slice.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }

        if (slice.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.Tasks.Any(t => t.DepartmentId == department));
        }

        if (slice.Text is { } group)
        {
            cases = cases.Where(group.Rule());
        }

        if (slice.SolutionTypeCode is { } solution)
        {
            // A head's: the solutions their own department chose, as counted.
            cases = cases.Where(c => c.Tasks.Any(t => t.SolutionTypeCode == solution && (departmentId == null || t.DepartmentId == departmentId)));
        }

        if (slice.CauseCategoryCode is { } cause)
        {
            cases = cases.Where(c => c.Tasks.Any(t => t.CauseCategoryCode == cause && (departmentId == null || t.DepartmentId == departmentId)));
        }
        else if (slice.CauseNotFiled)
        {
            cases = NotFiled(cases, departmentId);
        }

        var facts = Facts(cases).Where(StatisticsFigures.Rule(figure));
        var page = ListPage.Of(skip, take, total);
        if (slice.ByTime)
        {
            var kept = await KeptBarMonthsAsync(figure, slice, zone, period, departmentId, cancellationToken);
            var ids = await TimePageAsync(facts, slice, zone, period, page, kept, cancellationToken);
            (facts, page) = (facts.Where(f => ids.Contains(f.Id)), new ListPage(0, take, false));
        }

        var ordered = page.FromEnd
            ? facts.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            : facts.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.Take)
            .Select(f => new StatisticsCase(f.CaseNumber, f.ReceivedAt, f.CategoryId, f.Channel, f.Stage, f.Satisfied, f.Attitude))
            .ToListAsync(cancellationToken);
        if (page.FromEnd)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>
    /// The ids of one page of an hour's or a weekday's bar. An hour or a day in the organisation's time is no range of the
    /// stored instants (a month of 17:00s is thirty of them, and a zone may move its clock), so the times are read and their
    /// bars told here exactly as they were counted; a month at a time, from the nearer end, until the page is found (a
    /// year of 430,000 complaints was 430,000 pairs for every page). Given the bar's kept count of each month
    /// (<paramref name="kept"/>), the months before the page are stepped over unread; a month read that holds another
    /// number than kept sends the page back to reading every month.
    /// </summary>
    private static async Task<List<int>> TimePageAsync(IQueryable<Fact> facts, StatisticsSlice slice, TimeZoneInfo zone, ReportPeriod period, ListPage wanted,
        IReadOnlyDictionary<int, int>? kept, CancellationToken cancellationToken)
    {
        var (skip, take, fromEnd) = wanted;
        var months = period.Months().Select(m => (Key: m.MonthKey(), Range: m.UtcRange(zone))).ToList();
        if (fromEnd)
        {
            months.Reverse();
        }

        var counts = kept is null ? null : months.Select(m => kept.GetValueOrDefault(m.Key)).ToList();
        var (first, skipInFirst) = counts is null ? (0, skip) : MonthJump.Find(counts, skip);
        skip = skipInFirst;
        var page = new List<int>();
        for (var i = first; i < months.Count; i++)
        {
            var (from, to) = months[i].Range;
            var times = await facts.Where(f => f.ReceivedAt >= from && f.ReceivedAt < to).Select(f => new { f.Id, f.ReceivedAt }).ToListAsync(cancellationToken);
            var inBar = times.Where(t => slice.TakesTime(t.ReceivedAt, zone));
            var ordered = (fromEnd ? inBar.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id) : inBar.OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id))
                .Select(t => t.Id).ToList();
            if (counts is not null && ordered.Count != counts[i])
            {
                return await TimePageAsync(facts, slice, zone, period, wanted, null, cancellationToken);
            }

            page.AddRange(ordered.Skip(skip).Take(take - page.Count));
            skip = Math.Max(0, skip - ordered.Count);
            if (page.Count == take)
            {
                break;
            }
        }

        return page;
    }
}
