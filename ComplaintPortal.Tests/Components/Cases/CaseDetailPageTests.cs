using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>The case page taking steps in-process: the workflow, its version check and its ledger, through the dialogs.</summary>
public sealed class CaseDetailPageTests : CasePageTest
{

    private static void Take(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, WorkflowAction action, string note)
    {
        cut.Find("[data-test=more-actions] button").Click();
        // The menu's popover opens on the renderer's next pass: wait for it rather than look once (it failed now and then).
        cut.WaitForElement($".mud-popover-open [data-action={action}]").Click();
        cut.WaitForElement("[data-test=step-note]").Change(note);
        cut.Find("[data-test=confirm-step]").Click();
    }

    [Fact]
    public async Task A_step_from_the_dialog_runs_the_workflow_and_the_page_shows_the_new_ledger_line()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action]");

        Take(cut, WorkflowAction.Escalate, "客户情绪激动，要求领导处理");

        cut.WaitForElement("[data-test=escalated]");
        var stored = await ctx.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaint.Id));
        Assert.True(stored.IsEscalated);
        Assert.Equal(complaint.Version + 1, stored.Version);
        Assert.Single(cut.FindAll("[data-ledger-action=Escalate]"));
        Assert.Contains("上报公司领导", cut.Find("[data-ledger-action=Escalate]").TextContent, StringComparison.Ordinal);
        // The handling form opens in a tab of its own, to print.
        var print = cut.Find("[data-test=print-form]");
        Assert.Equal(($"/cases/{complaint.CaseNumber}/form", "_blank"), (print.GetAttribute("href"), print.GetAttribute("target")));
    }

    [Fact]
    public async Task A_page_opened_before_someone_else_acted_is_refused_and_offers_a_reload()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action]");
        await Driver.AssessAsync(complaint.Id);

        Take(cut, WorkflowAction.Escalate, "重复来电");

        cut.WaitForElement("[data-test=conflict]");
        Assert.Equal("Registered", cut.Find("[data-test=case-stage]").GetAttribute("data-stage"));
        Assert.False(await ctx.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.IsEscalated).SingleAsync()));
        Assert.Empty(cut.FindAll("[data-test=case-actions]"));

        cut.Find("[data-test=reload]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Assessed", cut.Find("[data-test=case-stage]").GetAttribute("data-stage")));
        Assert.Empty(cut.FindAll("[data-test=conflict]"));
        Assert.Equal(nameof(WorkflowAction.Acknowledge), cut.Find("[data-test=primary-action]").GetAttribute("data-action"));
    }

    [Fact]
    public async Task A_new_promised_completion_is_written_into_the_untouched_acknowledgement_and_an_edited_one_is_kept()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        await Driver.AssessAsync(complaint.Id);
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action][data-action=Acknowledge]").Click();
        string Note() => cut.WaitForElement("textarea[data-test=step-note]").GetAttribute("value") ?? cut.Find("textarea[data-test=step-note]").TextContent;
        var day = DateOnly.ParseExact(cut.WaitForElement("input[data-test=step-promised-day]").GetAttribute("value")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = Note();
        Assert.True(before.Contains($"{day.Year}年{day.Month}月{day.Day}日", StringComparison.Ordinal) || before.Contains($"{day.Year}/{day.Month}/{day.Day}", StringComparison.Ordinal), before);

        // Promised three days later: the customer's text follows (it was the template's, untouched).
        var later = day.AddDays(3);
        cut.Find("input[data-test=step-promised-day]").Change($"{later.Year}/{later.Month}/{later.Day}");
        cut.WaitForAssertion(() => Assert.True(Note().Contains($"{later.Year}年{later.Month}月{later.Day}日", StringComparison.Ordinal)
            || Note().Contains($"{later.Year}/{later.Month}/{later.Day}", StringComparison.Ordinal), Note()));

        // Written by the clerk: a later change of the promise leaves the text alone.
        cut.Find("textarea[data-test=step-note]").Change("您好，我们会尽快处理。");
        cut.Find("input[data-test=step-promised-day]").Change($"{later.AddDays(1):yyyy-MM-dd}");
        Assert.Equal("您好，我们会尽快处理。", Note());
        cut.Find("[data-test=confirm-step]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        var stored = await Driver.LoadAsync(complaint.Id);
        Assert.Equal(later.AddDays(1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored.PromisedCompletionAt!.Value,
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime));
    }

    [Fact]
    public async Task Case_page_shows_the_deadlines_counting_down_from_the_servers_now()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Clerk);

        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));

        var countdowns = cut.WaitForElements("[data-test=deadlines] portal-countdown");
        Assert.Equal(3, countdowns.Count);
        var now = Driver.Time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(countdowns, c => Assert.Equal(now, c.GetAttribute("now")));
        Assert.All(countdowns, c => Assert.Contains("剩余", c.TextContent, StringComparison.Ordinal));
        Assert.All(countdowns, c => Assert.Equal("{0}天", c.GetAttribute("unit-day")));
    }

    [Fact]
    public async Task Another_departments_case_looks_exactly_like_a_missing_one()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.HandlerOf(Domain.Organisation.DepartmentCatalog.Engineering));

        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));

        cut.WaitForElement("[data-test=case-not-found]");
        Assert.Empty(cut.FindAll("[data-test=case-record]"));
        Assert.DoesNotContain(complaint.Complainant.Name, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_case_tells_those_who_worked_it_its_archive_number_and_nobody_else_that_it_exists()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        var options = new ArchiveOptions();
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        string number;
        await using (var db = Database.CreateContext())
        {
            await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options).RunOnceAsync(Driver.Time.GetUtcNow());
            number = await db.ArchivedFiles.Where(f => f.ComplaintId == complaint.Id).Select(f => f.ArchiveNumber).SingleAsync();
        }

        // Customer service (every case) and a department that had a task on it: where the file went, and a way to it.
        foreach (var viewer in new[] { Driver.Clerk, Driver.HandlerOf(Domain.Organisation.DepartmentCatalog.Quality) })
        {
            ctx.SignInAs(viewer);
            var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
            var notice = cut.WaitForElement("[data-test=case-archived]");
            Assert.Equal(number, notice.GetAttribute("data-archive-number"));
            Assert.Contains($"案件 {complaint.CaseNumber} 已结案", notice.TextContent, StringComparison.Ordinal);
            Assert.Contains($"档案编号 {number}", notice.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/archive/files/{number}", cut.Find("[data-test=case-archived-file]").GetAttribute("href"));
            Assert.Empty(cut.FindAll("[data-test=case-record]"));
            Assert.DoesNotContain(complaint.Complainant.Name, cut.Markup, StringComparison.Ordinal);
            await ctx.DisposeComponentsAsync();
        }

        // A department that never had it: the same answer as for a case that does not exist.
        ctx.SignInAs(Driver.HandlerOf(Domain.Organisation.DepartmentCatalog.Engineering));
        var other = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        other.WaitForElement("[data-test=case-not-found]");
        Assert.DoesNotContain(number, other.Markup, StringComparison.Ordinal);
        Assert.Empty(other.FindAll("[data-test=case-archived]"));
    }
}
