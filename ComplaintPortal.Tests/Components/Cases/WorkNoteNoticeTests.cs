using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// A work note that tells people: the writer picks them among the people on the case, and each reads the note among their
/// notices, in words.
/// </summary>
public sealed class WorkNoteNoticeTests : CasePageTest
{
    [Fact]
    public async Task The_quality_handler_tells_production_of_a_note_and_production_reads_it_among_its_notices()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Cases.CaseDetail>((nameof(ComplaintPortal.Web.Features.Cases.CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=add-note]").Click();
        cut.WaitForElement("[data-test=step-note]").Change("样品已转生产部，请核对批次");
        cut.Find("[data-test=step-notify]").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForElement(".mud-popover-open .mud-list-item");
        var people = cut.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        // The people of both departments on the case, each with their department; not the writer, nobody of another department.
        Assert.Contains("handler PROD · 生产部", people);
        Assert.Contains("head QA · 质量部", people);
        Assert.DoesNotContain(people, p => p.StartsWith("handler QA", StringComparison.Ordinal) || p.Contains("销售部", StringComparison.Ordinal));
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "handler PROD · 生产部").Click();
        cut.Find("[data-test=confirm-step]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        // The timeline keeps whom the note told, under the note's own words.
        var line = cut.WaitForElement("[data-ledger-action=AddNote]").TextContent;
        Assert.Contains("已通知", line, StringComparison.Ordinal);
        Assert.Contains("handler PROD", line, StringComparison.Ordinal);
        Assert.Contains("样品已转生产部，请核对批次", line, StringComparison.Ordinal);
        Assert.DoesNotContain("told#", line, StringComparison.Ordinal);

        var production = OpenAnother("zh-Hans", new ComplaintPortal.Domain.Notifications.NoticeFeed());
        production.SignInAs(Driver.HandlerOf(DepartmentCatalog.Production));
        var notices = production.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();
        var row = notices.WaitForElement("[data-kind=WorkNote]").TextContent;
        Assert.Contains("工作备注提醒", row, StringComparison.Ordinal);
        Assert.Contains("handler QA 备注：样品已转生产部，请核对批次", row, StringComparison.Ordinal);
        Assert.Contains($"/cases/{complaint.CaseNumber}", notices.Markup, StringComparison.Ordinal);
    }
}
