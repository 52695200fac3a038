using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>
/// What a customer raises at the callback beyond their own case (回访中客户提出的其他问题或建议): kept on the case apart from the
/// remarks, written into the callback's ledger line, and listed with the period's statistics for improvement actions.
/// </summary>
public sealed class CallbackSuggestionTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_suggestion_at_the_callback_is_kept_on_the_case_and_in_its_ledger_line_apart_from_the_remarks()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);

        var closed = await Driver.DoAsync(complaint.Id, WorkflowAction.CloseSatisfied,
            new() { SatisfiedWithAttitude = true, Suggestion = "希望进度能短信告知; 晚上也有人接电话", Note = "客户满意; 表示感谢" }, Driver.Clerk);

        Assert.Equal(("希望进度能短信告知; 晚上也有人接电话", "客户满意; 表示感谢"), (closed.CallbackSuggestion, closed.CallbackRemarks));
        await using var db = Database.CreateContext();
        var line = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(new CallbackNote(true, true, "希望进度能短信告知; 晚上也有人接电话", "客户满意; 表示感谢"), CallbackNotes.Read(line.Note!));
    }

    [Fact]
    public async Task The_archived_file_keeps_the_suggestion_and_files_archived_before_read_without_one()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var closed = await Driver.DoAsync(complaint.Id, WorkflowAction.CloseSatisfied, new() { Suggestion = "建议延长营业时间" }, Driver.Clerk);

        var json = ArchiveContent.Of(closed, closed.Tasks, [], []).ToJson();

        Assert.Equal("建议延长营业时间", ArchiveContent.FromJson(json)!.Callback.Suggestion);
        var before = json.Replace(",\"Suggestion\":\"建议延长营业时间\"", "", StringComparison.Ordinal);
        Assert.NotEqual(json, before);
        Assert.Null(ArchiveContent.FromJson(before)!.Callback.Suggestion);
    }

    [Fact]
    public async Task Callback_lines_read_back_with_or_without_a_suggestion_and_those_written_before_suggestions_read_as_before()
    {
        Assert.Equal(new CallbackNote(false, null, null, "要求赔偿"), CallbackNotes.Read("satisfied=False; attitude=-; 要求赔偿"));
        Assert.Equal(new CallbackNote(true, false, null, null), CallbackNotes.Read("satisfied=True; attitude=False"));
        Assert.Equal(new CallbackNote(true, true, "建议", null), CallbackNotes.Read(CallbackNotes.Write(true, true, "建议", null)));
        Assert.Equal(new CallbackNote(true, null, "a; b", "c; d"), CallbackNotes.Read(CallbackNotes.Write(true, null, "a; b", "c; d")));
        Assert.Null(CallbackNotes.Read("duplicate of KS-2026-000001"));

        // Refused, never cut: a suggestion longer than the case keeps.
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var tooLong = await Driver.TryAsync(complaint.Id, WorkflowAction.CloseSatisfied,
            new() { Suggestion = new string('建', Complaint.TextMaxLength + 1) }, Driver.Clerk);
        Assert.Equal((WorkflowError.InputRefused, WorkflowInputRules.Fields.Suggestion, InputProblem.TooLong),
            (tooLong.Error, tooLong.Refused?.Field, tooLong.Refused?.Problem));
        Assert.Equal(CaseStage.AwaitingCallback, (await Driver.LoadAsync(complaint.Id)).Stage);
    }

    [Fact]
    public async Task The_statistics_list_the_periods_suggestions_newest_first_and_a_head_only_those_of_cases_their_department_worked()
    {
        var first = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var second = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var none = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        await Driver.DoAsync(first.Id, WorkflowAction.CloseSatisfied, new() { Suggestion = "建议营业时间延长" }, Driver.Clerk);
        await Driver.DoAsync(second.Id, WorkflowAction.ReopenUnsatisfied, new() { Suggestion = "希望上门前先电话告知", Note = "问题复现" }, Driver.Clerk);
        await Driver.DoAsync(none.Id, WorkflowAction.CloseSatisfied, new() { Note = "满意" }, Driver.Clerk);
        // The reopened case is worked again and called back again: a callback raising nothing new keeps the earlier suggestion.
        await Driver.WorkAllTasksAsync(second.Id);
        await Driver.DoAsync(second.Id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(second.Id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已再次回复" }, Driver.Clerk);
        Assert.Equal("希望上门前先电话告知",
            (await Driver.DoAsync(second.Id, WorkflowAction.CloseSatisfied, new() { Note = "这次满意" }, Driver.Clerk)).CallbackSuggestion);

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var month = ReportPeriod.Containing(ReportPeriodKind.Month, Driver.Time.GetUtcNow(), Shanghai);
        var (rows, total) = await statistics.SuggestionsAsync(month, Shanghai, null, 0, 10);

        Assert.Equal(2, total);
        Assert.Equal([(second.CaseNumber, "希望上门前先电话告知"), (first.CaseNumber, "建议营业时间延长")], rows.Select(r => (r.CaseNumber, r.Suggestion)));
        var worked = new[] { Driver.DepartmentId(DepartmentCatalog.Quality), Driver.DepartmentId(DepartmentCatalog.Production) };
        Assert.Equal(worked.Order(), rows[0].DepartmentIds.Order());
        Assert.Equal((1, 1), ((await statistics.SuggestionsAsync(month, Shanghai, null, 1, 10)).Rows.Count, (await statistics.SuggestionsAsync(month, Shanghai, null, 0, 1)).Rows.Count));
        Assert.Equal(2, (await statistics.SuggestionsAsync(month, Shanghai, worked[0], 0, 10)).Total);
        Assert.Equal(0, (await statistics.SuggestionsAsync(month, Shanghai, Driver.DepartmentId(DepartmentCatalog.Sales), 0, 10)).Total);
        Assert.Equal(0, (await statistics.SuggestionsAsync(ComplaintStatistics.Before(month), Shanghai, null, 0, 10)).Total);
    }

    [Fact]
    public async Task An_action_raised_from_a_suggestion_is_listed_beside_it_for_those_who_may_see_it_and_a_case_without_one_is_no_source()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        await Driver.DoAsync(complaint.Id, WorkflowAction.CloseSatisfied, new() { Suggestion = "建议上门前电话告知" }, Driver.Clerk);
        var plain = await Driver.CaseInStageAsync(CaseStage.Closed);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime).AddDays(10);

        await using var db = Database.CreateContext();
        var improvements = new Improvements(db, Driver.Time);
        var raised = await improvements.RaiseAsync(new ImprovementDraft("上门前电话告知", "回访建议", null, quality, due, "培训上门人员", complaint.Id), Driver.Leader, Shanghai);
        var notFromOne = await improvements.RaiseAsync(new ImprovementDraft("另一项", "热点", null, quality, due, "计划", plain.Id), Driver.Leader, Shanghai);

        Assert.Equal((complaint.Id, (int?)null), (raised.Action!.SourceComplaintId, notFromOne.Action!.SourceComplaintId));
        var month = ReportPeriod.Containing(ReportPeriodKind.Month, Driver.Time.GetUtcNow(), Shanghai);
        var statistics = new ComplaintStatistics(db);
        Assert.Equal([new SuggestionAction(raised.Action.Id, quality, ImprovementStatus.Open)],
            (await statistics.SuggestionsAsync(month, Shanghai, null, 0, 10)).Rows.Single().Actions);
        Assert.Single((await statistics.SuggestionsAsync(month, Shanghai, quality, 0, 10)).Rows.Single().Actions);
        // Production worked the case too and reads its suggestion, but not the quality department's action.
        Assert.Empty((await statistics.SuggestionsAsync(month, Shanghai, Driver.DepartmentId(DepartmentCatalog.Production), 0, 10)).Rows.Single().Actions);
    }
}
