using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>
/// A real database with closed cases to supervise, the committee and department people, and the supervision
/// services on fresh contexts (as separate requests would use them). The clock is set in Shanghai wall-clock time.
/// </summary>
public sealed class SupervisionScenario : IAsyncDisposable
{
    public static readonly ReportPeriod March = new(ReportPeriodKind.Month, 2026, 3);

    private SupervisionScenario(TestDatabase database, CaseDriver driver)
    {
        Database = database;
        Driver = driver;
        Member = driver.Outsider;
        OtherMember = new("u-supervisor-2", "监督小组 陈明", Member.DepartmentId, new HashSet<string> { PortalRoles.Supervisor });
        Admin = new("u-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator });
    }

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public TestDatabase Database { get; }

    public CaseDriver Driver { get; }

    /// <summary>A supervision committee member (監督小組).</summary>
    public ActingUser Member { get; }

    public ActingUser OtherMember { get; }

    public ActingUser Admin { get; }

    /// <summary>Where the scenario's draws, discards and checks are published (a page test's pages listen to it).</summary>
    public SpotCheckFeed SpotChecks { get; } = new();

    public static async Task<SupervisionScenario> CreateAsync()
    {
        var database = await TestDatabase.WithSchema().MigrateAsync();
        var scenario = new SupervisionScenario(database, await CaseDriver.CreateAsync(database));
        scenario.SetLocal("2026-03-02 09:30");
        return scenario;
    }

    public DateTimeOffset SetLocal(string local)
    {
        var instant = SlaCalendars.Mainland.At(local);
        Driver.Time.Set(instant);
        return instant;
    }

    /// <summary>A case taken through the whole regime to Closed, satisfied, on the given category and departments.</summary>
    public async Task<int> CloseCaseAsync(string category = CategoryCatalog.ProductQuality, Urgency urgency = Urgency.Normal,
        params string[] departments)
    {
        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id, category, Severity.Moderate, urgency);
        await Driver.AcknowledgeAsync(id);
        await Driver.DispatchAsync(id, departments.Length == 0 ? [DepartmentCatalog.Quality] : departments);
        await Driver.WorkAllTasksAsync(id);
        await Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, Driver.Clerk);
        return id;
    }

    public async Task<T> WithAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var db = Database.CreateContext();
        return await work(db);
    }

    public Task<SupervisionResult<SampleDraw>> DrawAsync(SamplePlan plan, int? seed = null, ActingUser? actor = null, ReportPeriod? period = null) =>
        WithAsync(db => new SampleDrawing(db, Driver.Time, SpotChecks).DrawAsync(new SampleRequest(period ?? March, plan, seed), Zone, actor ?? Member));

    /// <summary>
    /// Accounts for the committee: the two members in the Supervisor role, a third member whose account is locked, and the
    /// administrator (not a member).
    /// </summary>
    public Task AddCommitteeAccountsAsync() => WithAsync(async db =>
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == PortalRoles.Supervisor);
        if (role is null)
        {
            role = new Microsoft.AspNetCore.Identity.IdentityRole(PortalRoles.Supervisor) { NormalizedName = PortalRoles.Supervisor.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        void Add(string id, string userName, string name, bool member, DateTimeOffset? lockedUntil = null)
        {
            db.Users.Add(new PortalUser { Id = id, UserName = userName, DisplayName = name, DepartmentId = Member.DepartmentId, LockoutEnd = lockedUntil });
            if (member)
            {
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = id, RoleId = role.Id });
            }
        }

        Add(Member.UserId, "supervisor", Member.Name, member: true);
        Add(OtherMember.UserId, "supervisor2", OtherMember.Name, member: true);
        Add(LockedMemberId, "supervisor3", "监督小组 李强", member: true, DateTimeOffset.MaxValue);
        Add(Admin.UserId, "admin", Admin.Name, member: false);
        return await db.SaveChangesAsync();
    });

    /// <summary>The committee member whose account <see cref="AddCommitteeAccountsAsync"/> locks.</summary>
    public const string LockedMemberId = "u-supervisor-3";

    public Task<SupervisionResult<int>> AssignAsync(int drawId, IReadOnlyCollection<int> sampledCaseIds, string checkerUserId, ActingUser? actor = null) =>
        WithAsync(db => new SampleDrawing(db, Driver.Time, SpotChecks).AssignAsync(drawId, sampledCaseIds, checkerUserId, actor ?? Member));

    public Task<SupervisionResult<SampleDraw>> DiscardAsync(int drawId, string? reason, ActingUser? actor = null) =>
        WithAsync(db => new SampleDrawing(db, Driver.Time, SpotChecks).DiscardAsync(drawId, reason, actor ?? Member));

    public Task<CaseCheckView?> OpenCheckAsync(int sampledCaseId, ActingUser? actor = null) =>
        WithAsync(db => new CaseChecking(db, Driver.Time, WorkingCalendarCache.Shared, SpotChecks).OpenAsync(sampledCaseId, actor ?? Member));

    /// <summary>Completes a check: every item passes except <paramref name="failing"/>, laid at <paramref name="responsible"/>.</summary>
    public async Task<SupervisionResult<SampledCase>> CompleteCheckAsync(int sampledCaseId, string[] failing, string responsible = DepartmentCatalog.Quality,
        int workingDays = 5, ActingUser? actor = null)
    {
        var view = await OpenCheckAsync(sampledCaseId) ?? throw new InvalidOperationException("No such check.");
        var answers = view.Checklist.Items.Select(i => failing.Contains(i.Code)
                ? new CheckAnswer(i.Id, CheckOutcome.Fail, "记录不全：" + i.Code, Driver.DepartmentId(responsible))
                : new CheckAnswer(i.Id, CheckOutcome.Pass, null, null))
            .ToList();
        return await WithAsync(db => new CaseChecking(db, Driver.Time, WorkingCalendarCache.Shared, SpotChecks)
            .CompleteAsync(sampledCaseId, view.Sampled.Version, answers, workingDays, actor ?? Member));
    }

    /// <summary>
    /// A closed Quality case drawn for March and checked on Thursday 2026-04-02 10:00 with "root cause credible"
    /// failed against Quality: one notice due in <paramref name="workingDays"/> working days.
    /// </summary>
    public async Task<RectificationNotice> IssueNoticeAsync(int workingDays = 2)
    {
        await CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        SetLocal("2026-04-01 09:00");
        var draw = (await DrawAsync(new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: false))).Value!;
        SetLocal("2026-04-02 10:00");
        var checkedCase = await CompleteCheckAsync(draw.Cases[0].Id, ["RootCauseCredible"], DepartmentCatalog.Quality, workingDays);
        Assert.True(checkedCase.Succeeded, checkedCase.Error.ToString());
        return await WithAsync(db => db.RectificationNotices.AsNoTracking().SingleAsync());
    }

    /// <summary>
    /// Two March cases marked invalid and drawn on 2026-04-01: one the moment it was registered (before any time limit fell
    /// due), the other on 2026-03-20 (its first response long overdue by then). Their check views.
    /// </summary>
    public async Task<(CaseCheckView EndedSoon, CaseCheckView EndedLater)> TwoInvalidCasesOpenedForCheckAsync()
    {
        var soon = (await Driver.RegisterAsync()).Id;
        await Driver.DoAsync(soon, WorkflowAction.MarkInvalid, new() { Note = "非本公司产品" }, Driver.Clerk);
        var later = (await Driver.RegisterAsync()).Id;
        SetLocal("2026-03-20 10:00");
        await Driver.DoAsync(later, WorkflowAction.MarkInvalid, new() { Note = "无法核实" }, Driver.Clerk);
        SetLocal("2026-04-01 09:00");
        var draw = (await DrawAsync(new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: false))).Value!;
        var views = new List<CaseCheckView>();
        foreach (var sampled in draw.Cases)
        {
            views.Add(await OpenCheckAsync(sampled.Id) ?? throw new InvalidOperationException("No such check."));
        }

        return (views.Single(v => v.Case.ComplaintId == soon), views.Single(v => v.Case.ComplaintId == later));
    }

    public RectificationNotices Notices(PortalDbContext db) => new(db, Driver.Time);

    /// <summary>Every notice <paramref name="viewer"/> may see in <paramref name="shown"/>, as one page of the register.</summary>
    public async Task<IReadOnlyList<NoticeRow>> VisibleAsync(ActingUser viewer, NoticeShown shown = NoticeShown.All) =>
        (await WithAsync(db => Notices(db).PageAsync(viewer, new NoticeFilter(shown), NoticeOrder.DueAt, descending: false, 0, 1000))).Rows;

    /// <summary>
    /// <paramref name="count"/> closed March cases, handled by Quality and Engineering, drawn on 2026-04-01 and checked one a
    /// working day from Thursday 2026-04-02 10:00, each with "root cause credible" failed against the two departments in turn
    /// (Quality first): one notice each, the first given the longest time (two working days for the last, two more for each one
    /// before it), so the later issued fall due sooner.
    /// </summary>
    public async Task<IReadOnlyList<RectificationNotice>> IssueNoticesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await CloseCaseAsync(CategoryCatalog.ProductQuality, departments: [DepartmentCatalog.Quality, DepartmentCatalog.Engineering]);
        }

        SetLocal("2026-04-01 09:00");
        var draw = (await DrawAsync(new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: false))).Value!;
        // Thursday, Friday, then after Qingming (04-04 to 04-06) Tuesday on.
        string[] days = ["2026-04-02", "2026-04-03", "2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10"];
        var sampled = draw.Cases.OrderBy(c => c.Id).ToList();
        for (var i = 0; i < sampled.Count; i++)
        {
            SetLocal($"{days[i % days.Length]} 10:00");
            var responsible = i % 2 == 0 ? DepartmentCatalog.Quality : DepartmentCatalog.Engineering;
            var checkedCase = await CompleteCheckAsync(sampled[i].Id, ["RootCauseCredible"], responsible, workingDays: 2 * (sampled.Count - i));
            Assert.True(checkedCase.Succeeded, checkedCase.Error.ToString());
        }

        return await WithAsync(async db => (IReadOnlyList<RectificationNotice>)await db.RectificationNotices.AsNoTracking().OrderBy(n => n.Id).ToListAsync());
    }

    /// <summary>Four cases, no minimum per stratum, unweighted.</summary>
    public static readonly SamplePlan FourCases = new(SampleSizeMode.Count, 4, 0, RiskWeighted: false);

    /// <summary>
    /// Six March cases of Quality; drawn for March at 09:00 and discarded, drawn for March again at 10:00 with two checks completed
    /// (the later-drawn one first, one with a finding), and drawn for the first quarter at 11:00: by period the quarter
    /// comes first, by the time drawn last.
    /// </summary>
    public async Task<(int Discarded, int Checked, int Quarter)> ThreeDrawsAsync()
    {
        var s = this;
        SetLocal("2026-03-02 09:30");
        for (var i = 0; i < 6; i++)
        {
            // All handled by Quality, so a finding on any of them can be laid there.
            await s.CloseCaseAsync(i % 2 == 0 ? CategoryCatalog.ProductQuality : CategoryCatalog.Service, departments: DepartmentCatalog.Quality);
        }

        s.SetLocal("2026-04-01 09:00");
        var discarded = (await s.DrawAsync(FourCases, seed: 1)).Value!;
        Assert.True((await s.DiscardAsync(discarded.Id, "抽查范围需重新确定")).Succeeded);
        s.SetLocal("2026-04-01 10:00");
        var checkedDraw = (await s.DrawAsync(FourCases, seed: 2)).Value!;
        var byOrder = checkedDraw.Cases.OrderBy(c => c.DrawOrder).ToList();
        s.SetLocal("2026-04-02 09:00");
        var failed = await s.CompleteCheckAsync(byOrder[2].Id, ["RootCauseCredible"]);
        Assert.True(failed.Succeeded, failed.Error.ToString());
        s.SetLocal("2026-04-02 10:00");
        var passed = await s.CompleteCheckAsync(byOrder[0].Id, []);
        Assert.True(passed.Succeeded, passed.Error.ToString());
        s.SetLocal("2026-04-02 11:00");
        var quarter = (await s.DrawAsync(FourCases, seed: 3, period: new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1))).Value!;
        return (discarded.Id, checkedDraw.Id, quarter.Id);
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}
