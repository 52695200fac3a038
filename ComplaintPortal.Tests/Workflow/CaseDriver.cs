using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>
/// Walks cases through the real intake and workflow services on a real database, acting as the right
/// person for each step; every call uses a fresh context, as separate web requests would.
/// </summary>
public sealed class CaseDriver
{
    private readonly Dictionary<string, int> departments;
    private readonly Dictionary<string, int> categories;

    private CaseDriver(TestDatabase database, SettableTimeProvider time, Dictionary<string, int> departments, Dictionary<string, int> categories)
    {
        Database = database;
        Time = time;
        this.departments = departments;
        this.categories = categories;
        Clerk = new("u-clerk", "客服 王芳", departments[DepartmentCatalog.CustomerService], Roles(PortalRoles.IntakeClerk));
        Leader = new("u-leader", "总经理 周建国", departments[DepartmentCatalog.Leadership], Roles(PortalRoles.Leadership));
        Outsider = new("u-supervisor", "监督小组 吴静", departments[DepartmentCatalog.Supervision], Roles(PortalRoles.Supervisor));
    }

    public TestDatabase Database { get; }

    public SettableTimeProvider Time { get; }

    public ActingUser Clerk { get; }

    public ActingUser Leader { get; }

    public ActingUser Outsider { get; }

    public static async Task<CaseDriver> CreateAsync(TestDatabase database, SettableTimeProvider? time = null)
    {
        await using var db = database.CreateContext();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id);
        // Handlers and heads of every department exist as accounts, so a head can assign one.
        foreach (var (code, id) in departments)
        {
            db.Users.Add(new PortalUser { Id = Handler(code, id).UserId, UserName = "h." + code, DisplayName = "handler " + code, DepartmentId = id });
            db.Users.Add(new PortalUser { Id = Head(code, id).UserId, UserName = "head." + code, DisplayName = "head " + code, DepartmentId = id });
        }

        await db.SaveChangesAsync();
        return new CaseDriver(database, time ?? new SettableTimeProvider(), departments, categories);
    }

    public int DepartmentId(string code) => departments[code];

    public int CategoryId(string code) => categories[code];

    public ActingUser HandlerOf(string code) => Handler(code, departments[code]);

    public ActingUser HeadOf(string code) => Head(code, departments[code]);

    public ActingUser HandlerOf(int departmentId) => HandlerOf(departments.Single(d => d.Value == departmentId).Key);

    public ActingUser HeadOf(int departmentId) => HeadOf(departments.Single(d => d.Value == departmentId).Key);

    public static IntakeRequest SampleIntake(string? key = null) => new()
    {
        Channel = ComplaintChannel.Hotline,
        Complainant = new() { Name = "王小明", Phone = "13812345678", Email = "wang@example.cn" },
        Subject = new() { ProductModel = "XP-200", Batch = "B2026-01" },
        Description = "电水壶使用两周后底座漏电",
        CustomerRequest = "更换新品",
        ConfirmedWithCaller = true,
        IdempotencyKey = key,
    };

    public async Task<Complaint> RegisterAsync(IntakeRequest? request = null)
    {
        await using var db = Database.CreateContext();
        var result = await new ComplaintIntake(db, Time, CaseNumberPolicy.Default).RegisterAsync(request ?? SampleIntake(), Clerk);
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        return result.Complaint!;
    }

    public async Task<Complaint> LoadAsync(int id)
    {
        await using var db = Database.CreateContext();
        return await db.Complaints.AsNoTracking().Include(c => c.Tasks).Include(c => c.Evidence).SingleAsync(c => c.Id == id);
    }

    public async Task<WorkflowResult> TryAsync(int id, WorkflowAction action, WorkflowInput input, ActingUser actor, int? version = null)
    {
        var current = await LoadAsync(id);
        await using var db = Database.CreateContext();
        return await new ComplaintWorkflow(db, Time).ExecuteAsync(id, version ?? current.Version, action, input, actor);
    }

    public async Task<Complaint> DoAsync(int id, WorkflowAction action, WorkflowInput input, ActingUser actor)
    {
        var result = await TryAsync(id, action, input, actor);
        Assert.True(result.Succeeded, $"{action}: {result.Error}");
        Time.Advance(TimeSpan.FromMinutes(10));
        return await LoadAsync(id);
    }

    public async Task<Complaint> AssessAsync(int id, string category = CategoryCatalog.ProductQuality, Severity severity = Severity.Moderate, Urgency urgency = Urgency.Normal) =>
        await DoAsync(id, WorkflowAction.Assess, new() { CategoryId = CategoryId(category), Severity = severity, Urgency = urgency }, Clerk);

    public async Task<Complaint> AcknowledgeAsync(int id) =>
        await DoAsync(id, WorkflowAction.Acknowledge, new() { PromisedCompletionAt = Time.GetUtcNow().AddDays(7), Note = "您的投诉已受理" }, Clerk);

    public async Task<Complaint> DispatchAsync(int id, params string[] departmentCodes) =>
        await DoAsync(id, WorkflowAction.Dispatch, new() { DepartmentIds = departmentCodes.Select(DepartmentId).ToList() }, Clerk);

    /// <summary>Findings, solution, implementation and report back for one task, as its department's handler.</summary>
    public async Task<Complaint> WorkTaskAsync(int id, DepartmentTask task)
    {
        var handler = HandlerOf(task.DepartmentId);
        await DoAsync(id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因", RootCause = "原材料" }, handler);
        await DoAsync(id, WorkflowAction.ProposeSolution, new() { TaskId = task.Id, Note = "更换", ResponsiblePerson = "李强", DueDate = new DateOnly(2026, 4, 1), SolutionTypeCode = await FirstSolutionTypeAsync() }, handler);
        await DoAsync(id, WorkflowAction.RecordImplementation, new() { TaskId = task.Id, Note = "已更换" }, handler);
        return await DoAsync(id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "处理完毕" }, handler);
    }

    /// <summary>The organisation's first active solution type (each starter has its own), or null when it has none.</summary>
    public async Task<string?> FirstSolutionTypeAsync()
    {
        await using var db = Database.CreateContext();
        return await db.SolutionTypes.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Code).FirstOrDefaultAsync();
    }

    public async Task<Complaint> WorkAllTasksAsync(int id)
    {
        var complaint = await LoadAsync(id);
        foreach (var task in complaint.Tasks.Where(t => !t.IsReported))
        {
            complaint = await WorkTaskAsync(id, task);
        }

        return complaint;
    }

    /// <summary>A new case brought to <paramref name="stage"/> by the ordinary steps.</summary>
    public async Task<Complaint> CaseInStageAsync(CaseStage stage)
    {
        var id = (await RegisterAsync()).Id;
        switch (stage)
        {
            case CaseStage.Registered:
                return await LoadAsync(id);
            case CaseStage.Invalid:
                return await DoAsync(id, WorkflowAction.MarkInvalid, new() { Note = "恶意投诉" }, Clerk);
            case CaseStage.Withdrawn:
                return await DoAsync(id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Clerk);
            case CaseStage.Duplicate:
                var original = await RegisterAsync();
                return await DoAsync(id, WorkflowAction.MarkDuplicate, new() { DuplicateOfCaseNumber = original.CaseNumber }, Clerk);
            default:
                break;
        }

        await AssessAsync(id);
        if (stage == CaseStage.Assessed)
        {
            return await LoadAsync(id);
        }

        await AcknowledgeAsync(id);
        if (stage == CaseStage.Acknowledged)
        {
            return await LoadAsync(id);
        }

        var complaint = await DispatchAsync(id, DepartmentCatalog.Quality, DepartmentCatalog.Production);
        if (stage == CaseStage.InDepartments)
        {
            return complaint;
        }

        if (stage == CaseStage.WaitingForCustomer)
        {
            return await DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回样品" }, Clerk);
        }

        await WorkAllTasksAsync(id);
        if (stage == CaseStage.UnderReview)
        {
            return await LoadAsync(id);
        }

        await DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, Clerk);
        if (stage == CaseStage.Approved)
        {
            return await LoadAsync(id);
        }

        await DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复，致谢致歉" }, Clerk);
        return stage switch
        {
            CaseStage.AwaitingCallback => await LoadAsync(id),
            CaseStage.AwaitingClosureApproval => await DoAsync(id, WorkflowAction.RequestUnsatisfiedClosure, new() { Note = "诉求超出政策" }, Clerk),
            CaseStage.Closed => await DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, Clerk),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };
    }

    private static HashSet<string> Roles(params string[] roles) => new(roles, StringComparer.Ordinal);

    private static ActingUser Handler(string code, int id) => new("u-h-" + code, "handler " + code, id, Roles(PortalRoles.DepartmentHandler));

    private static ActingUser Head(string code, int id) => new("u-head-" + code, "head " + code, id, Roles(PortalRoles.DepartmentHead));
}
