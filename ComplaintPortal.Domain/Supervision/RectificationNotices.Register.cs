using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>Which notices a register shows.</summary>
public enum NoticeShown
{
    All = 0,

    /// <summary>Waiting for the department's answer (<see cref="NoticeStatus.Open"/>).</summary>
    Open = 1,

    /// <summary>Answered, waiting for the committee (<see cref="NoticeStatus.Answered"/>).</summary>
    Answered = 2,

    /// <summary>Verified and closed.</summary>
    Closed = 3,

    /// <summary>Waiting for the department's answer past their deadline.</summary>
    Overdue = 4,
}

/// <summary>What a register is sorted by.</summary>
public enum NoticeOrder
{
    DueAt = 0,
    IssuedAt = 1,
    CaseNumber = 2,
}

/// <summary>A register's filters: which notices, one department's, and a case number or part of one.</summary>
public sealed record NoticeFilter(NoticeShown Shown = NoticeShown.All, int? DepartmentId = null, string? CaseNumber = null);

/// <summary>How many notices the viewer may see, in each of the register's views.</summary>
public sealed record NoticeViewCounts(int All, int Open, int Answered, int Closed, int Overdue)
{
    public static NoticeViewCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Of(NoticeShown shown) => shown switch
    {
        NoticeShown.Open => Open,
        NoticeShown.Answered => Answered,
        NoticeShown.Closed => Closed,
        NoticeShown.Overdue => Overdue,
        _ => All,
    };
}

public sealed partial class RectificationNotices
{
    /// <summary>
    /// One page of the notices the viewer may see (<see cref="Committee"/>'s rule: the committee and leadership all of
    /// them, a department's head and handlers their department's), filtered and sorted on the database, and how many
    /// there are in all. Ties are broken by the notice's number, so pages neither repeat nor skip a notice.
    /// </summary>
    public async Task<(IReadOnlyList<NoticeRow> Rows, int Total)> PageAsync(ActingUser viewer, NoticeFilter filter, NoticeOrder order, bool descending,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        if (Visible(viewer) is not { } visible)
        {
            return ([], 0);
        }

        var now = time.GetUtcNow();
        var notices = Shown(visible, filter.Shown, now);
        if (filter.DepartmentId is { } department)
        {
            notices = notices.Where(n => n.DepartmentId == department);
        }

        var joined = notices.Join(db.Complaints, n => n.ComplaintId, c => c.Id, (n, c) => new { Notice = n, c.CaseNumber });
        if (filter.CaseNumber?.Trim() is { Length: > 0 } number)
        {
            var part = number.Length > CaseNumber.MaxLength ? number[..CaseNumber.MaxLength] : number;
            joined = joined.Where(x => x.CaseNumber.Contains(part));
        }

        var total = await joined.CountAsync(cancellationToken);
        var sorted = (order, descending) switch
        {
            (NoticeOrder.IssuedAt, false) => joined.OrderBy(x => x.Notice.IssuedAt).ThenBy(x => x.Notice.Id),
            (NoticeOrder.IssuedAt, true) => joined.OrderByDescending(x => x.Notice.IssuedAt).ThenByDescending(x => x.Notice.Id),
            (NoticeOrder.CaseNumber, false) => joined.OrderBy(x => x.CaseNumber).ThenBy(x => x.Notice.Id),
            (NoticeOrder.CaseNumber, true) => joined.OrderByDescending(x => x.CaseNumber).ThenByDescending(x => x.Notice.Id),
            (_, false) => joined.OrderBy(x => x.Notice.DueAt).ThenBy(x => x.Notice.Id),
            (_, true) => joined.OrderByDescending(x => x.Notice.DueAt).ThenByDescending(x => x.Notice.Id),
        };
        var rows = await sorted.Skip(skip).Take(take)
            .Select(x => new NoticeRow(x.Notice.Id, x.Notice.ComplaintId, x.CaseNumber, x.Notice.DepartmentId, x.Notice.Status, x.Notice.IssuedAt,
                x.Notice.DueAt, x.Notice.EscalatedAt, x.Notice.Findings.Count, x.Notice.ReturnCount))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>How many notices the viewer may see in each view, optionally of one department: one query.</summary>
    public async Task<NoticeViewCounts> CountsAsync(ActingUser viewer, int? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Visible(viewer) is not { } visible)
        {
            return NoticeViewCounts.None;
        }

        if (departmentId is { } department)
        {
            visible = visible.Where(n => n.DepartmentId == department);
        }

        var now = time.GetUtcNow();
        var counts = await visible.GroupBy(n => new { n.Status, Late = n.Status == NoticeStatus.Open && n.DueAt < now })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(NoticeStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        var overdue = counts.Where(c => c.Late).Sum(c => c.Count);
        var (open, answered, closed) = (Count(NoticeStatus.Open), Count(NoticeStatus.Answered), Count(NoticeStatus.Closed));
        return new NoticeViewCounts(open + answered + closed, open, answered, closed, overdue);
    }

    /// <summary>The notices <paramref name="viewer"/> may see, or null for none (<see cref="Committee.MaySee"/> as a query).</summary>
    private IQueryable<RectificationNotice>? Visible(ActingUser viewer)
    {
        var notices = db.RectificationNotices.AsNoTracking();
        if (Committee.IsMember(viewer) || viewer.IsInRole(PortalRoles.Leadership))
        {
            return notices;
        }

        var ownDepartment = viewer.IsInRole(PortalRoles.DepartmentHead) || viewer.IsInRole(PortalRoles.DepartmentHandler) ? viewer.DepartmentId : null;
        return ownDepartment is { } department ? notices.Where(n => n.DepartmentId == department) : null;
    }

    private static IQueryable<RectificationNotice> Shown(IQueryable<RectificationNotice> notices, NoticeShown shown, DateTimeOffset now) => shown switch
    {
        NoticeShown.Open => notices.Where(n => n.Status == NoticeStatus.Open),
        NoticeShown.Answered => notices.Where(n => n.Status == NoticeStatus.Answered),
        NoticeShown.Closed => notices.Where(n => n.Status == NoticeStatus.Closed),
        NoticeShown.Overdue => notices.Where(n => n.Status == NoticeStatus.Open && n.DueAt < now),
        _ => notices,
    };
}
