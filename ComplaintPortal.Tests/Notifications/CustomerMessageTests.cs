using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Notifications;

/// <summary>Acknowledgement, promised-time and reply messages from the organisation's templates.</summary>
public sealed class CustomerMessageTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task The_promised_time_in_the_acknowledgement_is_the_completion_deadline_the_policy_computed()
    {
        var complaint = await Driver.RegisterAsync();
        await Driver.AssessAsync(complaint.Id);
        CustomerMessageDraft draft;
        DateTimeOffset deadline;
        await using (var db = Database.CreateContext())
        {
            deadline = await db.CaseDeadlines.Where(d => d.ComplaintId == complaint.Id && d.Kind == DeadlineKind.Completion && d.DepartmentTaskId == null)
                .Select(d => d.DueAt).SingleAsync();
            draft = (await new CustomerMessageBook(db, Driver.Time).DraftAsync(complaint.CaseNumber, MessageKind.Acknowledgement, "zh-Hans", null, Shanghai))!;
        }

        Assert.Equal(deadline, draft.PromisedAt);
        Assert.Contains(CustomerMessageBook.FormatDate(TimeZoneInfo.ConvertTime(deadline, Shanghai), "zh-Hans"), draft.Body, StringComparison.Ordinal);
        Assert.Contains(complaint.CaseNumber, draft.Body, StringComparison.Ordinal);
        Assert.Contains("王小明", draft.Body, StringComparison.Ordinal);
        Assert.Contains("客服中心（投诉室）", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", draft.Body, StringComparison.Ordinal);

        await Driver.DoAsync(complaint.Id, WorkflowAction.Acknowledge, new() { PromisedCompletionAt = draft.PromisedAt, Note = draft.Body }, Driver.Clerk);
        await using var check = Database.CreateContext();
        Assert.Equal(deadline, (await check.Complaints.SingleAsync(c => c.Id == complaint.Id)).PromisedCompletionAt);
        Assert.Equal(draft.Body, (await check.OutboxMessages.SingleAsync(m => m.ComplaintId == complaint.Id)).Body);
    }

    [Fact]
    public async Task A_reply_by_sms_or_email_goes_through_the_outbox_and_one_by_phone_does_not()
    {
        var bySms = (await Driver.CaseInStageAsync(CaseStage.Approved)).Id;
        var byEmail = (await Driver.CaseInStageAsync(CaseStage.Approved)).Id;
        var byPhone = (await Driver.CaseInStageAsync(CaseStage.Approved)).Id;

        await Driver.DoAsync(bySms, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Sms, Note = "已更换新品" }, Driver.Clerk);
        await Driver.DoAsync(byEmail, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Email, Note = "已更换新品（邮件）" }, Driver.Clerk);
        await Driver.DoAsync(byPhone, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, Driver.Clerk);

        await using var db = Database.CreateContext();
        // Each case already has its acknowledgement in the outbox.
        Assert.Equal("13812345678", (await db.OutboxMessages.Where(m => m.ComplaintId == bySms).OrderBy(m => m.Id).LastAsync()).Recipient);
        Assert.Equal("wang@example.cn", (await db.OutboxMessages.Where(m => m.ComplaintId == byEmail).OrderBy(m => m.Id).LastAsync()).Recipient);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.ComplaintId == bySms));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ComplaintId == byPhone));
    }

    [Fact]
    public async Task The_reply_names_the_departments_that_handled_the_case_in_the_chosen_language()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Approved);
        await using var db = Database.CreateContext();
        var book = new CustomerMessageBook(db, Driver.Time);

        var english = (await book.DraftAsync(complaint.CaseNumber, MessageKind.Reply, "en", ReplyChannel.Email, Shanghai))!;
        var traditional = (await book.DraftAsync(complaint.CaseNumber, MessageKind.Reply, "zh-Hant", null, Shanghai))!;

        Assert.Contains("Production, Quality", english.Body, StringComparison.Ordinal);
        Assert.StartsWith("Dear 王小明", english.Body, StringComparison.Ordinal);
        Assert.Contains("生產部、質量部", traditional.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_and_an_edit_is_logged()
    {
        await using var db = Database.CreateContext();
        var book = new CustomerMessageBook(db, Driver.Time);

        Assert.Equal(OrganisationError.InvalidInput, await book.SaveAsync(MessageKind.Acknowledgement, "zh-Hans", ReplyChannel.Sms, "", "编号{CaseNo}", "admin"));
        Assert.Equal(OrganisationError.None, await book.SaveAsync(MessageKind.Acknowledgement, "zh-Hans", ReplyChannel.Sms, "", "【受理】编号{CaseNumber}，{PromisedDate}前答复", "admin"));

        Assert.Equal(ReplyChannel.Sms, (await book.FindAsync(MessageKind.Acknowledgement, "zh-Hans", ReplyChannel.Sms))!.Channel);
        Assert.Null((await book.FindAsync(MessageKind.Acknowledgement, "zh-Hans", ReplyChannel.Email))!.Channel);
        Assert.Equal(1, await db.OrganisationChanges.CountAsync(c => c.Subject == OrganisationSubject.MessageTemplate));
    }
}
