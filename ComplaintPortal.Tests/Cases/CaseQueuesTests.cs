using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Tests.Cases;

/// <summary>
/// A case that closes names the work queues it sat in (<see cref="QueuesLeft"/>), so that only the pages counting those queues
/// count again: the queues it names are exactly the queues the queue page listed it in, for every stage a case closes from.
/// </summary>
public sealed class CaseQueuesTests : CaseDatabaseTest
{
    public static TheoryData<CaseStage, bool> OpenStages => new()
    {
        { CaseStage.Registered, false }, { CaseStage.Assessed, false }, { CaseStage.Acknowledged, false }, { CaseStage.InDepartments, false },
        { CaseStage.WaitingForCustomer, false }, { CaseStage.UnderReview, false }, { CaseStage.Approved, false }, { CaseStage.AwaitingCallback, false },
        { CaseStage.AwaitingClosureApproval, false }, { CaseStage.InDepartments, true }, { CaseStage.Approved, true },
    };

    [Theory]
    [MemberData(nameof(OpenStages))]
    public async Task A_closing_case_names_the_queues_that_listed_it_and_no_other(CaseStage stage, bool escalated)
    {
        var complaint = await Driver.CaseInStageAsync(stage);
        if (escalated)
        {
            complaint = await Driver.DoAsync(complaint.Id, WorkflowAction.Escalate, new() { Note = "客户情绪激动" }, Driver.Clerk);
        }

        ActingUser[] viewers =
        [
            Driver.Clerk, Driver.Leader, Driver.Outsider,
            Driver.HandlerOf(DepartmentCatalog.Quality), Driver.HeadOf(DepartmentCatalog.Production), Driver.HandlerOf(DepartmentCatalog.Engineering),
        ];
        var listed = new List<bool>();
        foreach (var viewer in viewers)
        {
            await using var db = Database.CreateContext();
            var queue = await new CaseQueries(db).QueueAsync(viewer, new CaseListRequest(0, CaseQueries.MaxPageSize));
            listed.Add(queue.Rows.Any(r => r.Id == complaint.Id));
        }

        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = feed.Subscribe(heard.Add);
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var (action, input, actor) = stage == CaseStage.AwaitingClosureApproval
                ? (WorkflowAction.ApproveUnsatisfiedClosure, new WorkflowInput { Note = "同意结案" }, Driver.Leader)
                : (WorkflowAction.Withdraw, new WorkflowInput { Note = "客户撤诉" }, Driver.Clerk);
            var result = await new ComplaintWorkflow(db, Driver.Time).ExecuteAsync(complaint.Id, complaint.Version, action, input, actor);
            Assert.True(result.Succeeded, result.Error.ToString());
        }

        var closed = Assert.Single(heard, c => c.ClosedComplaintIds.Count > 0);
        Assert.Equal([complaint.Id], closed.ClosedComplaintIds);
        var left = Assert.IsType<QueuesLeft>(closed.QueuesLeft);
        Assert.Equal(listed, viewers.Select(left.Reach));
        // Every case sits in somebody's queue until it closes.
        Assert.Contains(true, listed);
    }

    [Fact]
    public void Queues_of_several_closing_cases_add_up_and_read_by_role_and_department()
    {
        var clerks = CaseQueues.Of(CaseStage.AwaitingCallback, escalated: false, []);
        var departments = CaseQueues.Of(CaseStage.InDepartments, escalated: true,
            [(5, DepartmentTaskStatus.Investigating), (3, DepartmentTaskStatus.Assigned), (7, DepartmentTaskStatus.ReportedBack)]);
        Assert.Equal(new QueuesLeft(true, false, []), clerks);
        Assert.Equal(new QueuesLeft(false, true, [3, 5]), departments);
        Assert.Equal(new QueuesLeft(true, true, [3, 5]), clerks.With(departments));

        var handler = new ActingUser("u-1", "handler", 5, new HashSet<string> { PortalRoles.DepartmentHandler });
        var supervisorThere = new ActingUser("u-2", "supervisor", 5, new HashSet<string> { PortalRoles.Supervisor });
        Assert.Equal((true, false, false), (departments.Reach(handler), clerks.Reach(handler), departments.Reach(supervisorThere)));
    }
}
