using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>Whole lives of a complaint, one per source regime, from intake to close.</summary>
public sealed class RegimePathTests : CaseDatabaseTest
{
    [Fact]
    public async Task Manufacturer_product_quality_case_goes_through_rnd_production_and_quality_to_close()
    {
        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id, "QUALITY.DEFECT", Severity.Moderate, Urgency.Normal);
        await Driver.AcknowledgeAsync(id);

        // The defect sub-category inherits the product-quality routing: R&D, production, quality.
        await using (var db = Database.CreateContext())
        {
            var proposed = await RoutingProposal.ForCategoryAsync(db, Driver.CategoryId("QUALITY.DEFECT"));
            Assert.Equal(
                new[] { DepartmentCatalog.RnD, DepartmentCatalog.Production, DepartmentCatalog.Quality }.Select(Driver.DepartmentId).Order(),
                proposed.Order());
        }

        var complaint = await Driver.DispatchAsync(id, DepartmentCatalog.RnD, DepartmentCatalog.Production, DepartmentCatalog.Quality);
        Assert.Equal(3, complaint.Tasks.Count);
        var rnd = complaint.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(DepartmentCatalog.RnD));
        await Driver.DoAsync(id, WorkflowAction.ReassignTask, new() { TaskId = rnd.Id, AssigneeUserId = Driver.HandlerOf(DepartmentCatalog.RnD).UserId }, Driver.HeadOf(DepartmentCatalog.RnD));

        foreach (var task in complaint.Tasks)
        {
            Assert.Equal(CaseStage.InDepartments, (await Driver.LoadAsync(id)).Stage);
            complaint = await Driver.WorkTaskAsync(id, task);
        }

        Assert.Equal(CaseStage.UnderReview, complaint.Stage);
        await Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "处理结果合理" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已更换新品，感谢反馈，深表歉意" }, Driver.Clerk);
        complaint = await Driver.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true, Note = "满意" }, Driver.Clerk);

        Assert.Equal(CaseStage.Closed, complaint.Stage);
        Assert.True(complaint.SatisfiedWithResult);
        Assert.Equal(rnd.DepartmentId, complaint.Tasks.Single(t => t.OwnerUserId == Driver.HandlerOf(DepartmentCatalog.RnD).UserId).DepartmentId);
        await using var check = Database.CreateContext();
        Assert.True((await LedgerVerifier.VerifyCaseAsync(check, id)).IsIntact);
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.ComplaintId == id));
    }

    [Fact]
    public async Task Plaza_facility_repair_waits_for_the_customer_and_is_closed_by_engineering()
    {
        var request = CaseDriver.SampleIntake() with
        {
            Channel = ComplaintChannel.WalkIn,
            Complainant = new() { Name = "李女士", Phone = "13900001111", CustomerGroup = "B1-12 租户" },
            Subject = new() { Location = "B1 停车场", Facility = "3号电梯" },
            Description = "3号电梯门夹人，按钮失灵",
        };
        var id = (await Driver.RegisterAsync(request)).Id;
        await Driver.DoAsync(id, WorkflowAction.AttachEvidence, new() { Evidence = new("cctv.jpg", "image/jpeg", 2048, new string('c', 32), new string('d', 64)) }, Driver.Clerk);
        await Driver.AssessAsync(id, CategoryCatalog.Repair, Severity.Moderate, Urgency.Urgent);
        await Driver.AcknowledgeAsync(id);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal([Driver.DepartmentId(DepartmentCatalog.Engineering)], await RoutingProposal.ForCategoryAsync(db, Driver.CategoryId(CategoryCatalog.Repair)));
        }

        var complaint = await Driver.DispatchAsync(id, DepartmentCatalog.Engineering);
        Assert.Equal(Priority.Urgent, complaint.Priority);
        // Urgent: the completion target, 3 whole days on the 24/7 calendar after the day of dispatch (2 March),
        // so midnight at the end of 5 March in Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.Zero), complaint.Tasks[0].Deadline);

        var engineer = Driver.HandlerOf(DepartmentCatalog.Engineering);
        complaint = await Driver.DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待租户约定维修时间" }, engineer);
        Assert.Equal(CaseStage.WaitingForCustomer, complaint.Stage);
        complaint = await Driver.DoAsync(id, WorkflowAction.ResumeFromCustomer, new() { Note = "租户约定周六上午" }, engineer);
        Assert.Equal(CaseStage.InDepartments, complaint.Stage);
        await Driver.DoAsync(id, WorkflowAction.RecordNegotiation, new() { TaskId = complaint.Tasks[0].Id, Note = "与租户协商免费维修" }, engineer);
        complaint = await Driver.WorkAllTasksAsync(id);

        Assert.Equal(CaseStage.UnderReview, complaint.Stage);
        await Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.InPerson, Note = "电梯已修复" }, Driver.Clerk);
        complaint = await Driver.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, Driver.Clerk);

        Assert.Equal(CaseStage.Closed, complaint.Stage);
        Assert.Single(complaint.Evidence);
        await using var check = Database.CreateContext();
        Assert.True((await LedgerVerifier.VerifyCaseAsync(check, id)).IsIntact);
    }

    [Fact]
    public async Task Telecom_billing_complaint_reopens_after_an_unsatisfied_callback_and_closes_with_leadership_approval()
    {
        var request = CaseDriver.SampleIntake() with
        {
            Channel = ComplaintChannel.WalkIn,
            Complainant = new() { Name = "赵先生", Phone = "18600002222" },
            Subject = new() { OrderNumber = "账户 0755-8888" },
            Description = "三月话费多扣 300 元",
            CustomerRequest = "退还多扣费用",
        };
        var id = (await Driver.RegisterAsync(request)).Id;
        var complaint = await Driver.AssessAsync(id, CategoryCatalog.Billing, Severity.Serious, Urgency.Urgent);

        // Urgent and serious: escalated to leadership at once, with its own ledger line and a notice.
        Assert.True(complaint.IsEscalated);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.ComplaintId == id && n.Kind == NotificationKind.Escalated && n.RecipientRole == PortalRoles.Leadership));
            Assert.Contains(await db.LedgerEvents.Where(e => e.ComplaintId == id).Select(e => e.Action).ToListAsync(), a => a == nameof(WorkflowAction.Escalate));
        }

        await Driver.DoAsync(id, WorkflowAction.OrderOnSiteInspection, new() { Note = "营业厅现场核查计费记录" }, Driver.Leader);
        await Driver.AcknowledgeAsync(id);
        await Driver.DispatchAsync(id, DepartmentCatalog.Finance);
        await Driver.WorkAllTasksAsync(id);
        await Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Sms, Note = "已退还 100 元" }, Driver.Clerk);

        complaint = await Driver.DoAsync(id, WorkflowAction.ReopenUnsatisfied, new() { SatisfiedWithAttitude = true, Note = "只退了100元" }, Driver.Clerk);
        Assert.Equal(CaseStage.InDepartments, complaint.Stage);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.All(complaint.Tasks, t => Assert.Equal(DepartmentTaskStatus.Investigating, t.Status));

        await Driver.WorkAllTasksAsync(id);
        await Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "其余费用为合约费用" }, Driver.Clerk);
        complaint = await Driver.DoAsync(id, WorkflowAction.RequestUnsatisfiedClosure, new() { SatisfiedWithAttitude = false, Note = "合约费用依法收取" }, Driver.Clerk);
        Assert.Equal(CaseStage.AwaitingClosureApproval, complaint.Stage);

        // Only leadership approves an unsatisfied close, and a reason is required.
        Assert.Equal(WorkflowError.NotPermitted, (await Driver.TryAsync(id, WorkflowAction.ApproveUnsatisfiedClosure, new() { Note = "x" }, Driver.Clerk)).Error);
        Assert.Equal(WorkflowError.NoteRequired, (await Driver.TryAsync(id, WorkflowAction.ApproveUnsatisfiedClosure, new(), Driver.Leader)).Error);
        complaint = await Driver.DoAsync(id, WorkflowAction.ApproveUnsatisfiedClosure, new() { Note = "经核实计费无误，同意结案" }, Driver.Leader);

        Assert.Equal(CaseStage.Closed, complaint.Stage);
        Assert.False(complaint.SatisfiedWithResult);
        Assert.Equal("经核实计费无误，同意结案", complaint.ClosureReason);
        await using var check = Database.CreateContext();
        var verification = await LedgerVerifier.VerifyCaseAsync(check, id);
        Assert.True(verification.IsIntact);
        Assert.True(verification.EventCount > 20);
    }
}
