using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>One line of a queue or a search result; personal data is masked by the page when needed.</summary>
public sealed record CaseRow(int Id, string CaseNumber, CaseStage Stage, Priority Priority, bool IsEscalated, DateTimeOffset ReceivedAt,
    string Name, string? Phone, string Description, bool ViewerWorksIt);

/// <summary>Read side of the case pages: queues, search, one case with its ledger.</summary>
public sealed class CaseQueries(PortalDbContext db, LedgerDigestArchive digests)
{
    public const int PageSize = 200;

    /// <summary>Stages in which customer service has the next move.</summary>
    private static readonly CaseStage[] ClerkStages =
        [CaseStage.Registered, CaseStage.Assessed, CaseStage.Acknowledged, CaseStage.UnderReview, CaseStage.Approved, CaseStage.AwaitingCallback, CaseStage.WaitingForCustomer];

    public async Task<IReadOnlyList<CaseRow>> QueueAsync(ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var clerk = user.IsInRole(PortalRoles.IntakeClerk);
        var leader = user.IsInRole(PortalRoles.Leadership);
        var department = user.IsInRole(PortalRoles.DepartmentHandler) || user.IsInRole(PortalRoles.DepartmentHead) ? user.DepartmentId : null;
        var query = db.Complaints.AsNoTracking().Where(c =>
            (clerk && ClerkStages.Contains(c.Stage))
            || (leader && (c.Stage == CaseStage.AwaitingClosureApproval || (c.IsEscalated && c.ClosedAt == null)))
            || (department != null && (c.Stage == CaseStage.InDepartments || c.Stage == CaseStage.WaitingForCustomer)
                && c.Tasks.Any(t => t.DepartmentId == department && t.Status != DepartmentTaskStatus.ReportedBack)));
        return await ToRowsAsync(query.OrderByDescending(c => c.Priority).ThenBy(c => c.ReceivedAt), user, ct);
    }

    /// <summary>By exact case number, phone number, or the start of the name; newest first.</summary>
    public async Task<IReadOnlyList<CaseRow>> SearchAsync(string text, ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var q = text.Trim();
        if (q.Length == 0)
        {
            return [];
        }

        var query = db.Complaints.AsNoTracking().Where(c =>
            c.CaseNumber == q || c.Complainant.Phone == q || c.Complainant.Name.StartsWith(q));
        return await ToRowsAsync(query.OrderByDescending(c => c.ReceivedAt), user, ct);
    }

    public async Task<Complaint?> FindAsync(string caseNumber, CancellationToken ct = default) =>
        await db.Complaints.AsNoTracking()
            .Include(c => c.Category)
            .Include(c => c.Evidence)
            .Include(c => c.Tasks).ThenInclude(t => t.Department)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.CaseNumber == caseNumber, ct);

    public async Task<(IReadOnlyList<LedgerEvent> Events, LedgerVerification Verification)> LedgerAsync(int complaintId, CancellationToken ct = default)
    {
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId)
            .Select(c => new { c.LedgerEventCount, c.LedgerHeadHash }).FirstOrDefaultAsync(ct);
        // Checked against the case's head and the signed digests, not only against itself.
        return (events, LedgerAudit.VerifyCase(events, head?.LedgerEventCount ?? 0, head?.LedgerHeadHash, digests.LeavesOf(complaintId)));
    }

    public async Task<List<Department>> DepartmentsAsync(CancellationToken ct = default) =>
        await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);

    public async Task<List<Category>> CategoriesAsync(CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);

    public async Task<IReadOnlyList<int>> ProposedDepartmentsAsync(int? categoryId, CancellationToken ct = default) =>
        await RoutingProposal.ForCategoryAsync(db, categoryId, ct);

    /// <summary>Accounts a department head may assign the task to.</summary>
    public async Task<List<PortalUser>> PeopleInAsync(int departmentId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId).OrderBy(u => u.UserName).ToListAsync(ct);

    public async Task<string?> CaseNumberOfAsync(int? complaintId, CancellationToken ct = default) =>
        complaintId is null ? null : await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<(Notification Notice, string CaseNumber)>> NotificationsAsync(ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = user.Roles.ToList();
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => roles.Contains(n.RecipientRole) && (n.RecipientDepartmentId == null || n.RecipientDepartmentId == user.DepartmentId))
            .OrderByDescending(n => n.CreatedAt)
            .Take(20)
            .Join(db.Complaints, n => n.ComplaintId, c => c.Id, (n, c) => new { n, c.CaseNumber })
            .ToListAsync(ct);
        return rows.Select(r => (r.n, r.CaseNumber)).ToList();
    }

    private static async Task<IReadOnlyList<CaseRow>> ToRowsAsync(IQueryable<Complaint> query, ActingUser user, CancellationToken ct)
    {
        var department = user.DepartmentId;
        var worksAll = user.IsInRole(PortalRoles.IntakeClerk) || user.IsInRole(PortalRoles.Leadership);
        var inDepartment = user.IsInRole(PortalRoles.DepartmentHandler) || user.IsInRole(PortalRoles.DepartmentHead);
        return await query.Take(PageSize)
            .Select(c => new CaseRow(c.Id, c.CaseNumber, c.Stage, c.Priority, c.IsEscalated, c.ReceivedAt, c.Complainant.Name, c.Complainant.Phone,
                c.Description, worksAll || (inDepartment && c.Tasks.Any(t => t.DepartmentId == department))))
            .ToListAsync(ct);
    }
}
