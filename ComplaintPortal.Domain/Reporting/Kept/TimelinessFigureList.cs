using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// The cases behind one figure of the timeliness page, one page at a time, in the order of an index: complaints by
/// receipt (judged as <see cref="ComplaintTimeliness"/> judges them, a batch at a time until the page is full),
/// deadlines by when they were met or fell due. A list has as many rows as its figure counts. Given the figure's count, a
/// page past the middle is read from the end, in the reverse order, so the last page of a year costs what the first does.
/// </summary>
public sealed class TimelinessFigureList(PortalDbContext db)
{
    private const int Batch = 500;

    /// <param name="total">
    /// How many the figure counts, as shown: a page past the middle is then read from the end (on 1,000,000 cases the last
    /// page of a year's 454,837 complaints took 11–13 s read from the start).
    /// </param>
    public async Task<IReadOnlyList<FigureRow>> PageAsync(TimelinessFigure figure, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now,
        int? departmentId, int skip, int take, CancellationToken cancellationToken = default, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var (from, to) = period.UtcRange(zone);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var deadlines = db.CaseDeadlines.AsNoTracking()
            .Where(d => departmentId == null || (d.Task == null ? customerService : d.Task.DepartmentId) == departmentId);
        // The missed combine two lists (met late, then still unmet) and are read from the start.
        var page = figure == TimelinessFigure.Missed ? new ListPage(skip, take, false) : ListPage.Of(skip, take, total);
        var jump = figure == TimelinessFigure.Missed ? null : await JumpAsync(figure, period, zone, now, departmentId, page, cancellationToken);
        if (jump is { } landed && Judged(figure))
        {
            if (await FromMonthAsync(figure, landed, (from, to), now, departmentId, customerService, page, cancellationToken) is { } judged)
            {
                return Turned(judged, page);
            }
        }
        else if (jump is { } month && await InMonthAsync(figure, month, deadlines, departmentId, customerService, cancellationToken) == month.Kept)
        {
            (from, to) = page.FromEnd ? (from, month.To) : (month.From, to);
            page = page with { Skip = month.Skip };
        }

        var rows = figure switch
        {
            TimelinessFigure.Handled or TimelinessFigure.HandledOnTime =>
                await RowsAsync(ByMet(DeadlinesOf(figure, deadlines, from, to), page), customerService, page, cancellationToken),
            TimelinessFigure.Due or TimelinessFigure.ResolvedOfDue =>
                await RowsAsync(ByDue(DeadlinesOf(figure, deadlines, from, to), page), customerService, page, cancellationToken),
            TimelinessFigure.Missed => await MissedAsync(ByMet(DeadlinesOf(TimelinessFigure.Handled, deadlines, from, to), page),
                ByDue(DeadlinesOf(TimelinessFigure.Due, deadlines, from, to), page), now, customerService, skip, take, cancellationToken),
            TimelinessFigure.Complaints or TimelinessFigure.OnTime or TimelinessFigure.Late or TimelinessFigure.OpenWithinLimits or TimelinessFigure.Resolved =>
                await ComplaintsAsync(figure, from, to, now, departmentId, customerService, page, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
        return Turned(rows, page);
    }

    private static List<FigureRow> Turned(List<FigureRow> rows, ListPage page)
    {
        if (page.FromEnd)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>The figures whose rows are deadlines: those met in the period (handled) or falling due in it.</summary>
    private static bool PerDeadline(TimelinessFigure figure) =>
        figure is TimelinessFigure.Handled or TimelinessFigure.HandledOnTime or TimelinessFigure.Due or TimelinessFigure.ResolvedOfDue;

    /// <summary>The deadlines a per-deadline figure counts between two instants: its one rule, for its list and its month's count.</summary>
    private static IQueryable<CaseDeadline> DeadlinesOf(TimelinessFigure figure, IQueryable<CaseDeadline> deadlines, DateTimeOffset from, DateTimeOffset to) =>
        figure switch
        {
            TimelinessFigure.Handled => deadlines.Where(d => d.MetAt >= from && d.MetAt < to),
            TimelinessFigure.HandledOnTime => deadlines.Where(d => d.MetAt >= from && d.MetAt < to && d.MetAt <= d.DueAt),
            TimelinessFigure.Due => deadlines.Where(d => d.DueAt >= from && d.DueAt < to),
            TimelinessFigure.ResolvedOfDue => deadlines.Where(d => d.DueAt >= from && d.DueAt < to && d.MetAt != null),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };

    /// <summary>The complaint figures whose rows are told by judging each complaint against its deadlines.</summary>
    private static bool Judged(TimelinessFigure figure) =>
        figure is TimelinessFigure.OnTime or TimelinessFigure.Late or TimelinessFigure.OpenWithinLimits or TimelinessFigure.Resolved;

    /// <summary>The month a page begins in (in the period's reading order), its rows before the page, and its rows as kept.</summary>
    private sealed record LandedMonth(DateTimeOffset From, DateTimeOffset To, int Skip, int Kept);

    /// <summary>
    /// Where a page past a list's first month begins, by the kept counts of each month (the complaints by month received,
    /// the deadlines by month met or due; a late complaint also by its watch, when it turned late with the clock alone):
    /// the months before it are then stepped over unread (the middle page of a year's complaints on 1,000,000 cases judged
    /// 227,000 of them). Null when the page is in the first month or the counts are not kept.
    /// </summary>
    private async Task<LandedMonth?> JumpAsync(TimelinessFigure figure, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, int? departmentId,
        ListPage page, CancellationToken ct)
    {
        if (page.Skip == 0 || !await TimelinessCounts.IsKeptAsync(db, zone, ct))
        {
            return null;
        }

        var months = period.Months().ToList();
        if (page.FromEnd)
        {
            months.Reverse();
        }

        var keys = months.Select(m => m.MonthKey()).ToList();
        var scope = departmentId ?? TimelinessCount.WholeOrganisation;
        var perDeadline = PerDeadline(figure);
        var cells = await db.Set<TimelinessCount>().AsNoTracking()
            .Where(c => keys.Contains(c.Month))
            .Where(c => perDeadline ? c.Kind != null && (departmentId == null || c.DepartmentId == departmentId) : c.Kind == null && c.DepartmentId == scope)
            .GroupBy(c => c.Month)
            .Select(g => new
            {
                Month = g.Key, Complaints = g.Sum(c => c.Complaints), Late = g.Sum(c => c.Late), Open = g.Sum(c => c.Open), OpenLate = g.Sum(c => c.OpenLate),
                Resolved = g.Sum(c => c.Resolved), Handled = g.Sum(c => c.Handled), HandledOnTime = g.Sum(c => c.HandledOnTime), Due = g.Sum(c => c.Due),
                ResolvedOfDue = g.Sum(c => c.ResolvedOfDue),
            })
            .ToDictionaryAsync(c => c.Month, ct);
        // Open complaints turned late with the clock since their last change, as the page's figures count them.
        var clock = figure is TimelinessFigure.OnTime or TimelinessFigure.Late or TimelinessFigure.OpenWithinLimits
            ? await db.Set<TimelinessWatch>().AsNoTracking().Where(w => keys.Contains(w.Month) && w.DepartmentId == scope && w.LateFrom <= now)
                .GroupBy(w => w.Month).Select(g => new { Month = g.Key, Count = g.Count() }).ToDictionaryAsync(w => w.Month, w => w.Count, ct)
            : [];
        int Kept(int key)
        {
            if (!cells.TryGetValue(key, out var c))
            {
                return 0;
            }

            var late = clock.GetValueOrDefault(key);
            return figure switch
            {
                TimelinessFigure.Complaints => c.Complaints,
                TimelinessFigure.OnTime => c.Complaints - c.Late - late,
                TimelinessFigure.Late => c.Late + late,
                TimelinessFigure.OpenWithinLimits => c.Open - c.OpenLate - late,
                TimelinessFigure.Resolved => c.Resolved,
                TimelinessFigure.Handled => c.Handled,
                TimelinessFigure.HandledOnTime => c.HandledOnTime,
                TimelinessFigure.Due => c.Due,
                _ => c.ResolvedOfDue,
            };
        }

        var counts = keys.Select(Kept).ToList();
        var (month, skip) = MonthJump.Find(counts, page.Skip);
        if (month == 0 || month == months.Count)
        {
            return null;
        }

        var (from, to) = months[month].UtcRange(zone);
        return new LandedMonth(from, to, skip, counts[month]);
    }

    /// <summary>The rows of the month landed in, counted as the list reads them (the complaints received, the deadlines).</summary>
    private async Task<int> InMonthAsync(TimelinessFigure figure, LandedMonth month, IQueryable<CaseDeadline> deadlines, int? departmentId, int customerService,
        CancellationToken ct) =>
        PerDeadline(figure)
            ? await DeadlinesOf(figure, deadlines, month.From, month.To).CountAsync(ct)
            : await Received(month.From, month.To, departmentId, customerService).CountAsync(ct);

    /// <summary>
    /// A judged list's page from the month landed in: the month is judged whole, and its rows taken from there, then the
    /// months after it (in reading order) until the page is full. Null when the month judges to another number than kept,
    /// and the list is read as if nothing were kept.
    /// </summary>
    private async Task<List<FigureRow>?> FromMonthAsync(TimelinessFigure figure, LandedMonth month, (DateTimeOffset From, DateTimeOffset To) period,
        DateTimeOffset now, int? departmentId, int customerService, ListPage page, CancellationToken ct)
    {
        var judged = await ComplaintsAsync(figure, month.From, month.To, now, departmentId, customerService, page with { Skip = 0, Take = int.MaxValue }, ct);
        if (judged.Count != month.Kept)
        {
            return null;
        }

        var rows = judged.Skip(month.Skip).Take(page.Take).ToList();
        if (rows.Count < page.Take)
        {
            var (from, to) = page.FromEnd ? (period.From, month.From) : (month.To, period.To);
            rows.AddRange(await ComplaintsAsync(figure, from, to, now, departmentId, customerService, page with { Skip = 0, Take = page.Take - rows.Count }, ct));
        }

        return rows;
    }

    private IQueryable<Complaint> Received(DateTimeOffset from, DateTimeOffset to, int? departmentId, int customerService) =>
        db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= from && c.ReceivedAt < to && c.Stage != CaseStage.Duplicate)
            .Where(c => departmentId == null
                || db.CaseDeadlines.Any(d => d.ComplaintId == c.Id && (d.Task == null ? customerService : d.Task.DepartmentId) == departmentId));

    private static IQueryable<CaseDeadline> ByMet(IQueryable<CaseDeadline> deadlines, ListPage page) =>
        page.FromEnd ? deadlines.OrderByDescending(d => d.MetAt).ThenByDescending(d => d.Id) : deadlines.OrderBy(d => d.MetAt).ThenBy(d => d.Id);

    private static IQueryable<CaseDeadline> ByDue(IQueryable<CaseDeadline> deadlines, ListPage page) =>
        page.FromEnd ? deadlines.OrderByDescending(d => d.DueAt).ThenByDescending(d => d.Id) : deadlines.OrderBy(d => d.DueAt).ThenBy(d => d.Id);

    /// <summary>Met late in the period (by when met), then still unmet past their instant (by when due).</summary>
    private async Task<List<FigureRow>> MissedAsync(IQueryable<CaseDeadline> metIn, IQueryable<CaseDeadline> dueIn, DateTimeOffset now,
        int customerService, int skip, int take, CancellationToken ct)
    {
        var metLate = metIn.Where(d => d.MetAt > d.DueAt);
        var rows = await RowsAsync(metLate, customerService, new ListPage(skip, take, false), ct);
        if (rows.Count < take)
        {
            // The met-late part ends on this page (or before it: then it is counted, a page deep in the list).
            var metLateCount = rows.Count > 0 || skip == 0 ? skip + rows.Count : await metLate.CountAsync(ct);
            rows.AddRange(await RowsAsync(dueIn.Where(d => d.MetAt == null && d.DueAt < now), customerService,
                new ListPage(Math.Max(0, skip - metLateCount), take - rows.Count, false), ct));
        }

        return rows;
    }

    private static async Task<List<FigureRow>> RowsAsync(IQueryable<CaseDeadline> deadlines, int customerService, ListPage page, CancellationToken ct) =>
        (await deadlines.Skip(page.Skip).Take(page.Take)
            .Select(d => new { d.ComplaintId, d.Complaint!.CaseNumber, Department = d.Task == null ? (int?)null : d.Task.DepartmentId, d.Kind, d.DueAt, d.MetAt })
            .ToListAsync(ct))
        .Select(d => new FigureRow(d.ComplaintId, d.CaseNumber, null, [d.Kind], d.Department ?? customerService, d.DueAt, d.MetAt))
        .ToList();

    private async Task<List<FigureRow>> ComplaintsAsync(TimelinessFigure figure, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        int? departmentId, int customerService, ListPage page, CancellationToken ct)
    {
        var (skip, take) = (page.Skip, page.Take);
        var rows = new List<FigureRow>(Math.Min(take, Batch));
        var (afterAt, afterId) = page.FromEnd ? (DateTimeOffset.MaxValue, int.MaxValue) : (DateTimeOffset.MinValue, 0);
        var received = Received(from, to, departmentId, customerService);
        while (rows.Count < take)
        {
            IQueryable<Complaint> batch = page.FromEnd
                ? received.Where(c => c.ReceivedAt < afterAt || (c.ReceivedAt == afterAt && c.Id < afterId)).OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
                : received.Where(c => c.ReceivedAt > afterAt || (c.ReceivedAt == afterAt && c.Id > afterId)).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id);
            if (figure == TimelinessFigure.Complaints && skip > 0)
            {
                // Every complaint received is on this list: the rows before the page are skipped unjudged.
                batch = batch.Skip(skip);
                skip = 0;
            }

            var complaints = await batch.Take(Batch)
                .Select(c => new { c.Id, c.CaseNumber, c.Stage, c.ClosedAt, c.PausedAt, c.ReceivedAt })
                .ToListAsync(ct);
            if (complaints.Count == 0)
            {
                break;
            }

            (afterAt, afterId) = (complaints[^1].ReceivedAt, complaints[^1].Id);
            var ids = complaints.Select(c => c.Id).ToList();
            var deadlines = (await db.CaseDeadlines.AsNoTracking().Where(d => ids.Contains(d.ComplaintId))
                    .Select(d => new { d.ComplaintId, Department = d.Task == null ? (int?)null : d.Task.DepartmentId, d.Kind, d.DueAt, d.MetAt })
                    .ToListAsync(ct))
                .ToLookup(d => d.ComplaintId);
            var facts = complaints.Select(c => new ComplaintFact(c.Id, c.CaseNumber, c.Stage, c.ClosedAt, c.PausedAt,
                [.. deadlines[c.Id].Select(d => new DeadlineFact(d.Department ?? customerService, c.Id, c.CaseNumber, d.Kind, d.DueAt, d.MetAt, null))]));
            var (overall, departments) = ComplaintTimeliness.Compute(facts, now);
            var verdicts = departmentId is null ? overall.Cases : departments.FirstOrDefault(d => d.DepartmentId == departmentId)?.Cases ?? [];
            var order = complaints.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var v in verdicts.OrderBy(v => order[v.ComplaintId]).Where(v => Counts(figure, v)))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                if (rows.Count < take)
                {
                    rows.Add(new FigureRow(v.ComplaintId, v.CaseNumber, v.Stage, [.. v.Missed.Select(m => m.Kind)], departmentId, v.Missed.FirstOrDefault()?.DueAt,
                        v.Missed.FirstOrDefault()?.MetAt));
                }
            }

            if (complaints.Count < Batch)
            {
                break;
            }
        }

        return rows;
    }

    private static bool Counts(TimelinessFigure figure, ComplaintVerdict verdict) => figure switch
    {
        TimelinessFigure.Complaints => true,
        TimelinessFigure.OnTime => verdict.IsOnTime,
        TimelinessFigure.Late => !verdict.IsOnTime,
        TimelinessFigure.OpenWithinLimits => verdict.IsOnTime && verdict.IsOpen,
        TimelinessFigure.Resolved => verdict.IsResolved,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };
}
