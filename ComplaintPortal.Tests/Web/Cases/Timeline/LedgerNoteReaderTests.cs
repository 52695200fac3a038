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

        Assert.Equal(complaint.CaseNumber, Facts("Register").CaseNumber);
        Assert.Equal(ComplaintChannel.Hotline, Facts("Register").Channel);
        var assess = Facts("Assess");
        Assert.Equal((CategoryCatalog.ProductQuality, Severity.Serious, Urgency.Urgent, Priority.Urgent, "底座有烧痕"),
            (assess.CategoryCode, assess.Severity, assess.Urgency, assess.Priority, assess.Text));
        Assert.True(Facts("Escalate").AutomaticEscalation);
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
        Assert.Equal(("查明原因", "温控器缺陷"), (Facts("RecordFindings").Text, Facts("RecordFindings").RootCause));
        Assert.Equal(("更换新品", "李强", new DateOnly(2026, 4, 1)), (Facts("ProposeSolution").Text, Facts("ProposeSolution").ResponsiblePerson, Facts("ProposeSolution").DueDate!.Value));
        Assert.Equal((ReplyChannel.Sms, "已短信回复"), (Facts("Reply").ReplyChannel!.Value, Facts("Reply").Text));
        Assert.Equal((false, true, "诉求超出政策"), (Facts("RequestUnsatisfiedClosure").Satisfied!.Value, Facts("RequestUnsatisfiedClosure").SatisfiedWithAttitude!.Value, Facts("RequestUnsatisfiedClosure").Text));
        Assert.Equal(new EvidenceFact("发票.pdf", "application/pdf", 2048, new string('b', 64)), Facts("AttachEvidence").File);
        Assert.Equal((complaint.CaseNumber, "同一客户重复来电"), (Facts("MarkDuplicate").DuplicateOf, Facts("MarkDuplicate").Text));
        // Whatever is left as text is what a person wrote: no key=value or instants leak through.
        Assert.All(events.Select(e => LedgerNoteReader.Read(e.Action, e.Note).Text), text => Assert.DoesNotMatch(@"=|\d{4}-\d{2}-\d{2}T", text ?? ""));
    }

    [Theory]
    [InlineData("Assess", "category=X; severity=Dreadful")]
    [InlineData("Reply", "no channel here")]
    [InlineData("SomethingNew", "policy=whatever")]
    public void A_note_in_an_unknown_shape_is_shown_as_written(string action, string note) =>
        Assert.Equal(note, LedgerNoteReader.Read(action, note).Text);
}
