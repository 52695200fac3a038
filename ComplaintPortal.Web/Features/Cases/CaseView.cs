using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Everything the case page shows of one case for one viewer, read in one scope.</summary>
/// <param name="Steps">What the viewer may do now (<see cref="ComplaintWorkflow.AvailableSteps"/>).</param>
/// <param name="Now">The server's now when this was read; countdowns correct the browser's clock by it.</param>
/// <param name="Caller">The same caller's other cases, for those who work every case (<see cref="CallerHistory"/>).</param>
public sealed record CaseView(
    Complaint Complaint,
    ActingUser Viewer,
    bool WorksIt,
    string? DuplicateOf,
    IReadOnlyList<(WorkflowStep Step, DepartmentTask? Task)> Steps,
    IReadOnlyList<LedgerEvent> Ledger,
    LedgerVerification Verification,
    IReadOnlyList<CaseDeadline> Deadlines,
    CaseLookups Lookups,
    IReadOnlyList<int> ProposedDepartments,
    IReadOnlyDictionary<int, IReadOnlyList<PortalUser>> People,
    DateTimeOffset Now,
    CallerCases Caller)
{
    /// <summary>Whom a work note may tell: the people of the departments with a task on the case, and whoever recorded it.</summary>
    public IReadOnlyList<PortalUser> NoteAudience { get; init; } = [];
}

/// <summary>Names for ids and codes (departments, categories, solution types, cause categories, other cases), so nothing shows an id.</summary>
public sealed class CaseLookups(IReadOnlyList<Department> departments, IReadOnlyList<Category> categories,
    IReadOnlyDictionary<int, string>? caseNumbers = null, IReadOnlyList<SolutionType>? solutionTypes = null, IReadOnlyList<Team>? teams = null,
    IReadOnlySet<int>? staffedDepartments = null, IReadOnlyList<CauseCategory>? causeCategories = null)
{
    public static CaseLookups Empty { get; } = new([], []);

    public IReadOnlyList<Department> Departments { get; } = departments;

    /// <summary>Every category, inactive ones too (old ledger lines name them).</summary>
    public IReadOnlyList<Category> Categories { get; } = categories;

    public IReadOnlyDictionary<int, string> CaseNumbers { get; } = caseNumbers ?? new Dictionary<int, string>();

    /// <summary>Every solution type, retired ones too (old tasks and ledger lines name them).</summary>
    public IReadOnlyList<SolutionType> SolutionTypes { get; } = solutionTypes ?? [];

    /// <summary>Every cause category, retired ones too (old tasks and ledger lines name them).</summary>
    public IReadOnlyList<CauseCategory> CauseCategories { get; } = causeCategories ?? [];

    /// <summary>The active teams (with their members) of the departments whose task the viewer may assign.</summary>
    public IReadOnlyList<Team> Teams { get; } = teams ?? [];

    /// <summary>
    /// The departments with at least one handler or head account (read when the viewer may dispatch; null otherwise): a task
    /// sent to any other department reaches nobody, so the dispatch dialog says so.
    /// </summary>
    public IReadOnlySet<int>? StaffedDepartments { get; } = staffedDepartments;

    public string Department(int? id) =>
        Departments.FirstOrDefault(d => d.Id == id)?.DisplayName(System.Globalization.CultureInfo.CurrentUICulture) ?? "";

    public string DepartmentByCode(string code) =>
        Departments.FirstOrDefault(d => d.Code == code)?.DisplayName(System.Globalization.CultureInfo.CurrentUICulture) ?? code;

    public string SolutionTypeByCode(string code) => NameOf(SolutionTypes, code);

    public string CauseCategoryByCode(string code) => NameOf(CauseCategories, code);

    public string CategoryByCode(string code) =>
        Categories.FirstOrDefault(c => c.Code == code)?.DisplayName(System.Globalization.CultureInfo.CurrentUICulture) ?? code;

    private static string NameOf(IEnumerable<CatalogueEntry> entries, string code) =>
        entries.FirstOrDefault(s => s.Code == code)?.DisplayName(System.Globalization.CultureInfo.CurrentUICulture) ?? code;
}

/// <summary>
/// Reads a <see cref="CaseView"/>, applying <see cref="CaseAccess.MaySee"/> before reading anything else: a case
/// the viewer may not see is answered exactly like one that does not exist (null).
/// </summary>
public sealed class CaseViewReader(PortalDbContext db, TimeProvider time, LedgerDigestArchive digests, CallerHistory callers)
{
    /// <summary>
    /// The archive file of an archived case that <paramref name="viewer"/> would see were it not archived, so the case page can
    /// say where it went; null for everyone else, exactly as for a case that does not exist.
    /// </summary>
    public async Task<ArchivedCaseFile?> ArchivedFileAsync(string caseNumber, ActingUser? viewer, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Tasks)
            .FirstOrDefaultAsync(c => c.CaseNumber == caseNumber && c.ArchivedAt != null, ct);
        if (complaint is null || viewer is null || !CaseVisibility.WouldSeeUnarchived(complaint, viewer))
        {
            return null;
        }

        return await db.ArchivedFiles.AsNoTracking().Where(f => f.ComplaintId == complaint.Id)
            .Select(f => new ArchivedCaseFile(f.ArchiveNumber, f.ArchivedAt)).FirstOrDefaultAsync(ct);
    }

    public async Task<CaseView?> ReadAsync(string caseNumber, ActingUser? viewer, CancellationToken ct = default)
    {
        var complaint = await db.Complaints.AsNoTracking()
            .Include(c => c.Category)
            .Include(c => c.Evidence)
            .Include(c => c.Tasks).ThenInclude(t => t.Department)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.CaseNumber == caseNumber, ct);
        if (complaint is null || viewer is null || !CaseAccess.MaySee(complaint, viewer))
        {
            return null;
        }

        var steps = ComplaintWorkflow.AvailableSteps(complaint, viewer);
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var deadlines = await db.CaseDeadlines.AsNoTracking().Include(d => d.Task).Where(d => d.ComplaintId == complaint.Id).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var solutionTypes = await db.SolutionTypes.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var causeCategories = await db.CauseCategories.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var duplicateOf = complaint.DuplicateOfId is { } originalId
            ? await db.Complaints.AsNoTracking().Where(c => c.Id == originalId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct)
            : null;
        var proposed = steps.Any(s => s.Step.Action == WorkflowAction.Dispatch)
            ? await RoutingProposal.ForCategoryAsync(db, complaint.CategoryId, ct)
            : [];
        var staffed = steps.Any(s => s.Step.Action == WorkflowAction.Dispatch) ? await StaffedDepartmentsAsync(ct) : null;
        var people = new Dictionary<int, IReadOnlyList<PortalUser>>();
        var assigning = steps.Where(s => s.Step.Action == WorkflowAction.ReassignTask).Select(s => s.Task!.DepartmentId).Distinct().ToList();
        foreach (var departmentId in assigning)
        {
            people[departmentId] = await db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId).OrderBy(u => u.UserName).ToListAsync(ct);
        }

        var teams = assigning.Count == 0 ? [] : await db.Teams.AsNoTracking().Include(t => t.Members)
            .Where(t => assigning.Contains(t.DepartmentId) && t.IsActive).OrderBy(t => t.Code).ToListAsync(ct);

        // A work note may tell the people on the case: those of the departments with a task on it and whoever recorded it.
        IReadOnlyList<PortalUser> audience = [];
        if (steps.Any(s => s.Step.Action == WorkflowAction.AddNote))
        {
            var taskDepartments = complaint.Tasks.Select(t => (int?)t.DepartmentId).Distinct().ToList();
            var recorder = complaint.RecordedByUserId;
            audience = await db.Users.AsNoTracking().Where(u => u.Id != viewer.UserId && (u.Id == recorder || taskDepartments.Contains(u.DepartmentId)))
                .OrderBy(u => u.DepartmentId).ThenBy(u => u.UserName).ToListAsync(ct);
        }

        var caller = await callers.ForContactAsync(complaint.Complainant.Phone, complaint.Complainant.Email, viewer, complaint.Id, ct);

        // Checked against the case's head and the signed digests, not only against itself.
        var verification = LedgerAudit.VerifyCase(events, complaint.LedgerEventCount, complaint.LedgerHeadHash, digests.LeavesOf(complaint.Id));
        return new CaseView(complaint, viewer, ComplaintWorkflow.WorksTheCase(complaint, viewer), duplicateOf, steps,
            events, verification, deadlines, new CaseLookups(departments, categories, null, solutionTypes, teams, staffed, causeCategories), proposed, people, time.GetUtcNow(), caller) { NoteAudience = audience };
    }

    private async Task<IReadOnlySet<int>> StaffedDepartmentsAsync(CancellationToken ct)
    {
        var ids = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.DepartmentId != null && (role.Name == PortalRoles.DepartmentHandler || role.Name == PortalRoles.DepartmentHead)
            select user.DepartmentId!.Value).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }
}

/// <summary>Where an archived case's file is: its archive number and when it was filed.</summary>
public sealed record ArchivedCaseFile(string ArchiveNumber, DateTimeOffset ArchivedAt);
