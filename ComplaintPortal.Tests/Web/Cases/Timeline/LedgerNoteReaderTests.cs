using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases.Timeline;

namespace ComplaintPortal.Tests.Web.Cases.Timeline;

public sealed class LedgerNoteReaderTests : CaseDatabaseTest
{
    [Fact]
    public async Task Every_note_the_domain_writes_is_read_back_into_facts()
    {
        var (complaint, events, _) = await LedgerScenario.WalkAsync(Driver);
        LedgerFacts Facts(string action, int nth = 0) => events.Where(e => e.Action == action).Select(e => LedgerNoteReader.Read(e.Action, e.Note)).ElementAt(nth);
        var escalations = events.Where(e => e.Action == "Escalate").Select(e => LedgerNoteReader.Read(e.Action, e.Note)).ToList();

        Assert.Equal(complaint.CaseNumber, Facts("Register").CaseNumber);
        Assert.Equal(ComplaintChannel.Hotline, Facts("Register").Channel);
        var assess = Facts("Assess");
        Assert.Equal((CategoryCatalog.ProductQuality, Severity.Moderate, Urgency.Urgent, Priority.Urgent, "底座有烧痕"),
            (assess.CategoryCode, assess.Severity, assess.Urgency, assess.Priority, assess.Text));
        // The monitor escalated the first case for its overdue deadline; the emergency procedure the second.
        Assert.Contains(escalations, f => f.OverdueEscalation && f.Deadlines.Count > 0 && f.Deadlines.All(d => d.DueAt is null));
        Assert.Contains(escalations, f => f.AutomaticEscalation);
        Assert.Contains(events.Where(e => e.Action == LedgerNoteReader.DeadlinesAction).Select(e => LedgerNoteReader.Read(e.Action, e.Note)),
            f => f.Reopened && f.Deadlines.Any(d => d.Kind == DeadlineKind.Completion));
        var retargeted = Facts(LedgerNoteReader.DeadlinesAction);
        Assert.Equal([DeadlineKind.FirstResponse, DeadlineKind.SolutionPlan, DeadlineKind.Completion], retargeted.Deadlines.Select(d => d.Kind));
        Assert.Null(retargeted.PausedFrom);
        var moved = Facts(LedgerNoteReader.DeadlinesAction, 1);
        Assert.NotNull(moved.PausedFrom);
        Assert.True(moved.PausedUntil > moved.PausedFrom);
        Assert.Contains(moved.Deadlines, d => d.Kind == DeadlineKind.DepartmentTask && d.DepartmentId == Driver.DepartmentId(DepartmentCatalog.Quality));
        Assert.Single(Facts(DeadlineMonitor.LedgerActionFor(DeadlineLevel.DueSoon)).Deadlines);
        Assert.Single(Facts(DeadlineMonitor.LedgerActionFor(DeadlineLevel.Overdue)).Deadlines);
        Assert.Equal("您的投诉已受理", Facts("Acknowledge").Text);
        Assert.NotNull(Facts("Acknowledge").PromisedAt);
        Assert.Equal([DepartmentCatalog.Quality], Facts("Dispatch").DepartmentCodes);
        Assert.NotNull(Facts("Dispatch").TaskDeadline);
        Assert.Equal("请尽快核查", Facts("Dispatch").Text);
        Assert.Equal(Driver.HandlerOf(DepartmentCatalog.Quality).Name, Facts("ReassignTask").Owner);
        Assert.Equal(("查明原因", "DESIGN", "温控器缺陷"), (Facts("RecordFindings").Text, Facts("RecordFindings").CauseCategoryCode, Facts("RecordFindings").RootCause));
        Assert.Equal(("更换新品", "李强", new DateOnly(2026, 4, 1)), (Facts("ProposeSolution").Text, Facts("ProposeSolution").ResponsiblePerson, Facts("ProposeSolution").DueDate!.Value));
        Assert.Equal("REPLACE", Facts("ProposeSolution").SolutionTypeCode);
        Assert.Equal((ReplyChannel.Sms, "已短信回复"), (Facts("Reply").ReplyChannel!.Value, Facts("Reply").Text));
        Assert.Equal((false, true, "诉求超出政策"), (Facts("RequestUnsatisfiedClosure").Satisfied!.Value, Facts("RequestUnsatisfiedClosure").SatisfiedWithAttitude!.Value, Facts("RequestUnsatisfiedClosure").Text));
        Assert.Equal(new EvidenceFact("发票.pdf", "application/pdf", 2048, new string('b', 64)), Facts("AttachEvidence").File);
        Assert.Equal((complaint.CaseNumber, "同一客户重复来电"), (Facts("MarkDuplicate").DuplicateOf, Facts("MarkDuplicate").Text));
        // Whatever is left as text is what a person wrote: no key=value or instants leak through.
        Assert.All(events.Select(e => LedgerNoteReader.Read(e.Action, e.Note).Text), text => Assert.DoesNotMatch(@"=|\d{4}-\d{2}-\d{2}T", text ?? ""));
    }

    [Theory]
    [InlineData("查明原因; root cause: 温控器缺陷", "查明原因", null, "温控器缺陷")]
    [InlineData("查明原因; cause=PROCESS", "查明原因", "PROCESS", null)]
    [InlineData("查明原因", "查明原因", null, null)]
    public void Findings_read_back_with_or_without_a_cause_category_and_a_root_cause(string note, string text, string? cause, string? rootCause)
    {
        var facts = LedgerNoteReader.Read(nameof(WorkflowAction.RecordFindings), note);

        Assert.Equal((text, cause, rootCause), (facts.Text, facts.CauseCategoryCode, facts.RootCause));
    }

    [Fact]
    public void A_solution_written_before_solution_types_reads_back_without_one()
    {
        var facts = LedgerNoteReader.Read(nameof(WorkflowAction.ProposeSolution), "更换新品; responsible: 李强; due 2026-04-01");

        Assert.Equal(("更换新品", "李强", new DateOnly(2026, 4, 1)), (facts.Text, facts.ResponsiblePerson, facts.DueDate!.Value));
        Assert.Null(facts.SolutionTypeCode);
    }

    [Fact]
    public void A_calendar_re_computation_reads_back_where_the_deadline_was_and_is()
    {
        // The shape ProvisionalDeadlines writes when a calendar's days off change.
        var facts = LedgerNoteReader.Read(LedgerNoteReader.DeadlinesAction,
            "calendar CN re-computed: DepartmentTask#3 (5d) 2027-01-04T10:00Z -> 2027-01-05T10:00Z (still provisional)");

        Assert.True(facts.Recomputed);
        Assert.True(facts.StillProvisional);
        var moved = Assert.Single(facts.Deadlines);
        Assert.Equal((DeadlineKind.DepartmentTask, 3), (moved.Kind, moved.DepartmentId!.Value));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero), moved.Before);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero), moved.DueAt);
        Assert.Null(facts.Text);
    }

    [Theory]
    [InlineData("Assess", "category=X; severity=Dreadful")]
    [InlineData("Reply", "no channel here")]
    [InlineData("SomethingNew", "policy=whatever")]
    public void A_note_in_an_unknown_shape_is_shown_as_written(string action, string note) =>
        Assert.Equal(note, LedgerNoteReader.Read(action, note).Text);
}
