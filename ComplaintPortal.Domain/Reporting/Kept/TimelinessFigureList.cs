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
        if (figure != TimelinessFigure.Missed)
        {
            (from, to, page) = await JumpAsync(figure, period, zone, departmentId, deadlines, customerService, (from, to), page, cancellationToken);
        }

        var metIn = deadlines.Where(d => d.MetAt >= from && d.MetAt < to);
        var dueIn = deadlines.Where(d => d.DueAt >= from && d.DueAt < to);
        var rows = figure switch
        {
            TimelinessFigure.Handled => await RowsAsync(ByMet(metIn, page), customerService, page, cancellationToken),
            TimelinessFigure.HandledOnTime => await RowsAsync(ByMet(metIn.Where(d => d.MetAt <= d.DueAt), page), customerService, page, cancellationToken),
            TimelinessFigure.Due => await RowsAsync(ByDue(dueIn, page), customerService, page, cancellationToken),
            TimelinessFigure.ResolvedOfDue => await RowsAsync(ByDue(dueIn.Where(d => d.MetAt != null), page), customerService, page, cancellationToken),
            TimelinessFigure.Missed => await MissedAsync(ByMet(metIn, page), ByDue(dueIn, page), now, customerService, skip, take, cancellationToken),
            TimelinessFigure.Complaints or TimelinessFigure.OnTime or TimelinessFigure.Late or TimelinessFigure.OpenWithinLimits or TimelinessFigure.Resolved =>
                await ComplaintsAsync(figure, from, to, now, departmentId, customerService, page, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
        if (page.FromEnd)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>
    /// For a figure whose every month is kept and whose rows need no judging (the complaints received, the deadlines
    /// handled or due), the period narrowed to begin at the month the page begins in, and the page's skip counted within
    /// that month: the months before it are stepped over by their kept counts (the middle page of a year's complaints on
    /// 1,000,000 cases judged 227,000 of them). The month landed in is counted as the list reads it; if that is not what is
    /// kept, nothing is stepped over.
    /// </summary>
    private async Task<(DateTimeOffset From, DateTimeOffset To, ListPage Page)> JumpAsync(TimelinessFigure figure, ReportPeriod period, TimeZoneInfo zone,
        int? departmentId, IQueryable<CaseDeadline> deadlines, int customerService, (DateTimeOffset From, DateTimeOffset To) range, ListPage page,
        CancellationToken ct)
    {
        var perDeadline = figure is TimelinessFigure.Handled or TimelinessFigure.HandledOnTime or TimelinessFigure.Due or TimelinessFigure.ResolvedOfDue;
        if (page.Skip == 0 || !(perDeadline || figure == TimelinessFigure.Complaints) || !await TimelinessCounts.IsKeptAsync(db, zone, ct))
        {
            return (range.From, range.To, page);
        }

        var months = period.Months().ToList();
        if (page.FromEnd)
        {
            months.Reverse();
        }

        var keys = months.Select(m => m.MonthKey()).ToList();
        var scope = departmentId ?? TimelinessCount.WholeOrganisation;
        var kept = await db.Set<TimelinessCount>().AsNoTracking()
            .Where(c => keys.Contains(c.Month))
            .Where(c => perDeadline ? c.Kind != null && (departmentId == null || c.DepartmentId == departmentId) : c.Kind == null && c.DepartmentId == scope)
            .GroupBy(c => c.Month)
            .Select(g => new { Month = g.Key, Complaints = g.Sum(c => c.Complaints), Handled = g.Sum(c => c.Handled),
                HandledOnTime = g.Sum(c => c.HandledOnTime), Due = g.Sum(c => c.Due), ResolvedOfDue = g.Sum(c => c.ResolvedOfDue) })
            .ToDictionaryAsync(m => m.Month, m => figure switch
            {
                TimelinessFigure.Handled => m.Handled,
                TimelinessFigure.HandledOnTime => m.HandledOnTime,
                TimelinessFigure.Due => m.Due,
                TimelinessFigure.ResolvedOfDue => m.ResolvedOfDue,
                _ => m.Complaints,
            }, ct);
        var (month, skip) = MonthJump.Find([.. keys.Select(k => kept.GetValueOrDefault(k))], page.Skip);
        if (month == 0 || month == months.Count)
        {
            return (range.From, range.To, page);
        }

        var (from, to) = months[month].UtcRange(zone);
        var inMonth = figure switch
        {
            TimelinessFigure.Handled => await deadlines.CountAsync(d => d.MetAt >= from && d.MetAt < to, ct),
            TimelinessFigure.HandledOnTime => await deadlines.CountAsync(d => d.MetAt >= from && d.MetAt < to && d.MetAt <= d.DueAt, ct),
            TimelinessFigure.Due => await deadlines.CountAsync(d => d.DueAt >= from && d.DueAt < to, ct),
            TimelinessFigure.ResolvedOfDue => await deadlines.CountAsync(d => d.DueAt >= from && d.DueAt < to && d.MetAt != null, ct),
            _ => await Received(from, to, departmentId, customerService).CountAsync(ct),
        };
        if (inMonth != kept.GetValueOrDefault(keys[month]))
        {
            return (range.From, range.To, page);
        }

        return page.FromEnd ? (range.From, to, page with { Skip = skip }) : (from, range.To, page with { Skip = skip });
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
        var rows = new List<FigureRow>(take);
        var (afterAt, afterId) = page.FromEnd ? (DateTimeOffset.MaxValue, int.MaxValue) : (DateTimeOffset.MinValue, 0);
        while (rows.Count < take)
        {
            var received = Received(from, to, departmentId, customerService);
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
