using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// Takes workflow steps inside a running portal as one of its demo users, through the app's own
/// services (and so its interceptors and live-update relay), as that user's request would.
/// </summary>
public sealed class AppActions(IServiceProvider services)
{
    public async Task<ActingUser> UserAsync(string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var role = DemoAccounts.All.Single(a => a.UserName == userName).Role;
        return new ActingUser(user.Id, user.DisplayName, user.DepartmentId, new HashSet<string>([role], StringComparer.Ordinal));
    }

    public async Task<Complaint> RegisterAsync(string clerk = "intake")
    {
        var actor = await UserAsync(clerk);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().RegisterAsync(CaseDriver.SampleIntake(), actor);
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        return result.Complaint!;
    }

    public async Task<Complaint> DoAsync(int complaintId, WorkflowAction action, WorkflowInput input, string userName)
    {
        var actor = await UserAsync(userName);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var version = await db.Complaints.Where(c => c.Id == complaintId).Select(c => c.Version).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>().ExecuteAsync(complaintId, version, action, input, actor);
        Assert.True(result.Succeeded, $"{action}: {result.Error}");
        return result.Complaint!;
    }

    public async Task<int> DepartmentIdAsync(string code)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    public async Task<int> CategoryIdAsync(string code)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    /// <summary>A new case, assessed and acknowledged, ready to dispatch.</summary>
    public async Task<Complaint> AcknowledgedCaseAsync()
    {
        var complaint = await RegisterAsync();
        await DoAsync(complaint.Id, WorkflowAction.Assess, new()
        {
            CategoryId = await CategoryIdAsync(CategoryCatalog.ProductQuality), Severity = Severity.Moderate, Urgency = Urgency.Normal,
        }, "intake");
        return await DoAsync(complaint.Id, WorkflowAction.Acknowledge, new()
        {
            Note = "已受理", PromisedCompletionAt = services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(7),
        }, "intake");
    }

    public async Task<Complaint> DispatchAsync(int complaintId, string departmentCode) =>
        await DoAsync(complaintId, WorkflowAction.Dispatch, new() { DepartmentIds = [await DepartmentIdAsync(departmentCode)] }, "intake");

    /// <summary>A case worked by the quality department's handler and closed, the customer satisfied.</summary>
    public Task<Complaint> ClosedQualityCaseAsync() => ClosedCaseAsync(Domain.Organisation.DepartmentCatalog.Quality, "handler.qa");

    /// <summary>A case worked by a department's handler and closed, the customer satisfied.</summary>
    public async Task<Complaint> ClosedCaseAsync(string departmentCode, string handler)
    {
        var id = (await RepliedCaseAsync(departmentCode, handler)).Id;
        return await DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, "intake");
    }

    /// <summary>A case worked by a department's handler and replied to, waiting for the callback (it has no deadline then).</summary>
    public async Task<Complaint> RepliedCaseAsync(string departmentCode, string handler)
    {
        var id = (await AcknowledgedCaseAsync()).Id;
        var task = (await DispatchAsync(id, departmentCode)).Tasks.Single();
        await DoAsync(id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因", RootCause = "原材料" }, handler);
        await DoAsync(id, WorkflowAction.ProposeSolution, new() { TaskId = task.Id, Note = "更换新品", ResponsiblePerson = "李强", DueDate = new DateOnly(2026, 3, 20), SolutionTypeCode = "REPLACE" }, handler);
        await DoAsync(id, WorkflowAction.RecordImplementation, new() { TaskId = task.Id, Note = "已更换" }, handler);
        await DoAsync(id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "处理完毕" }, handler);
        await DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, "intake");
        return await DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复，致谢致歉" }, "intake");
    }
}
