using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// A repeat caller: the intake shows the phone's other cases as soon as it is typed, however it is typed, and the case
/// page shows them to customer service, never to a department.
/// </summary>
public sealed class CallerHistoryTests : CasePageTest
{
    private async Task<(Complaint Open, Complaint Finished)> TwoCasesOf(string phone)
    {
        var first = CaseDriver.SampleIntake();
        var finished = await Driver.RegisterAsync(first with { Complainant = first.Complainant with { Phone = phone } });
        finished = await Driver.DoAsync(finished.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        Driver.Time.Advance(TimeSpan.FromHours(1));
        var open = await Driver.RegisterAsync(first with { Complainant = first.Complainant with { Phone = phone }, Description = "底座仍然漏电" });
        Driver.Time.Advance(TimeSpan.FromHours(1));
        return (open, finished);
    }

    [Fact]
    public async Task The_intake_lists_the_phone_s_other_cases_open_first_when_the_phone_is_typed_differently()
    {
        var ctx = Open();
        var (open, finished) = await TwoCasesOf("138 0013 8000");
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<Intake>();
        Assert.Empty(cut.FindAll("[data-test=intake-caller]"));

        cut.Find("#phone").Change("+86 13800138000");

        var panel = cut.WaitForElement("[data-test=intake-caller]");
        Assert.Equal("2", panel.GetAttribute("data-total"));
        Assert.Equal("1", panel.GetAttribute("data-open"));
        Assert.Contains("该电话号码另有 2 件案件，其中 1 件尚未办结", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains(CaseText.Caller_IntakeHint, panel.TextContent, StringComparison.Ordinal);
        var rows = cut.FindAll("[data-test=intake-caller-case]");
        Assert.Equal([open.CaseNumber, finished.CaseNumber], rows.Select(r => r.QuerySelector("a")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal("_blank", r.QuerySelector("a")!.GetAttribute("target")));
        Assert.Contains("已撤诉", rows[1].TextContent, StringComparison.Ordinal);

        cut.Find("#phone").Change("13900001111");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=intake-caller]")));
    }

    [Fact]
    public async Task The_case_page_shows_customer_service_the_caller_s_other_cases_but_not_the_department()
    {
        var ctx = Open();
        var (open, finished) = await TwoCasesOf("13800138000");
        await Driver.AssessAsync(open.Id);
        await Driver.AcknowledgeAsync(open.Id);
        await Driver.DispatchAsync(open.Id, DepartmentCatalog.Engineering);
        var third = await Driver.RegisterAsync(CaseDriver.SampleIntake() with
        {
            Complainant = CaseDriver.SampleIntake().Complainant with { Phone = "138-0013-8000" },
        });

        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), third.CaseNumber));
        var panel = cut.WaitForElement("[data-test=case-caller]");
        Assert.Equal("2", panel.GetAttribute("data-total"));
        Assert.Equal([open.CaseNumber, finished.CaseNumber], cut.FindAll("[data-test=case-caller-case] a").Select(a => a.TextContent.Trim()));
        Assert.Null(cut.Find("[data-test=case-caller-case] a").GetAttribute("target"));

        var handler = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        handler.SignInAs(Driver.HandlerOf(DepartmentCatalog.Engineering));
        var theirs = handler.RenderPage<CaseDetail>((nameof(CaseDetail.Number), open.CaseNumber));
        theirs.WaitForElement("[data-test=case-number]");
        Assert.Empty(theirs.FindAll("[data-test=case-caller]"));
    }

    [Fact]
    public async Task Marking_a_repeat_registration_as_a_duplicate_offers_the_caller_s_cases_to_pick()
    {
        var ctx = Open();
        var (open, _) = await TwoCasesOf("13800138000");
        var again = await Driver.RegisterAsync(CaseDriver.SampleIntake() with
        {
            Complainant = CaseDriver.SampleIntake().Complainant with { Phone = "138 0013 8000" },
        });
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), again.CaseNumber));
        cut.WaitForElement("[data-test=case-caller]");

        cut.Find("[data-test=more-actions] button").Click();
        cut.WaitForElement($".mud-popover-open [data-action={WorkflowAction.MarkDuplicate}]").Click();
        cut.WaitForElement("[data-test=duplicate-candidates]");
        cut.FindAll("[data-test=duplicate-candidate]").Single(c => c.TextContent.Contains(open.CaseNumber, StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(open.CaseNumber, cut.Find("input[data-test=step-duplicate-of]").GetAttribute("value")));
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Equal(nameof(CaseStage.Duplicate), cut.Find("[data-test=case-stage]").GetAttribute("data-stage")));
        var stored = await ctx.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Complaints, c => c.Id == again.Id));
        Assert.Equal(open.Id, stored.DuplicateOfId);
    }

    [Fact]
    public async Task An_archived_case_of_the_caller_is_listed_as_archived()
    {
        var ctx = Open();
        var sample = CaseDriver.SampleIntake();
        var old = await Driver.CaseInStageAsync(CaseStage.Closed);
        var options = new Domain.Archive.ArchiveOptions();
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using (var db = Database.CreateContext())
        {
            await new Domain.Archive.Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options).RunOnceAsync(Driver.Time.GetUtcNow());
        }

        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<Intake>();
        cut.Find("#phone").Change(sample.Complainant.Phone);

        var panel = cut.WaitForElement("[data-test=intake-caller]");
        Assert.Equal("0", panel.GetAttribute("data-open"));
        var row = Assert.Single(cut.FindAll("[data-test=intake-caller-case]"));
        Assert.Equal(old.CaseNumber, row.QuerySelector("a")!.TextContent.Trim());
        Assert.Contains("已归档", row.QuerySelector("[data-test=intake-caller-archived]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intake_finds_a_writer_s_other_cases_by_e_mail_however_it_is_cased_and_the_case_page_by_either()
    {
        var ctx = Open();
        var sample = CaseDriver.SampleIntake();
        var earlier = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = null, Email = "Li.Na@Example.cn" } });
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<Intake>();

        cut.Find("#email").Change("  li.na@example.CN ");

        var panel = cut.WaitForElement("[data-test=intake-caller]");
        Assert.Equal(("1", "1"), (panel.GetAttribute("data-total"), panel.GetAttribute("data-open")));
        Assert.Contains("该电子邮箱另有 1 件案件，其中 1 件尚未办结", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal(earlier.CaseNumber, cut.Find("[data-test=intake-caller-case] a").TextContent.Trim());
        cut.Find("#email").Change("someone.else@example.cn");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=intake-caller]")));

        // A later case with a phone and the same address: its page lists the earlier one, found by either.
        var later = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "13700001234", Email = "LI.NA@example.cn" } });
        var clerkAgain = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        clerkAgain.SignInAs(Driver.Clerk);
        var page = clerkAgain.RenderPage<CaseDetail>((nameof(CaseDetail.Number), later.CaseNumber));
        var onPage = page.WaitForElement("[data-test=case-caller]");
        Assert.Equal("1", onPage.GetAttribute("data-total"));
        Assert.Contains("该电话号码或电子邮箱另有 1 件案件", onPage.TextContent, StringComparison.Ordinal);

        // One more by the same phone under another address: the page now counts both, each found once.
        await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "137 0000 1234", Email = "other@example.cn" } });
        var third = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        third.SignInAs(Driver.Clerk);
        var again = third.RenderPage<CaseDetail>((nameof(CaseDetail.Number), later.CaseNumber)).WaitForElement("[data-test=case-caller]");
        Assert.Equal("2", again.GetAttribute("data-total"));
    }
}
