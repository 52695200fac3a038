using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// 催办 on the case page: customer service chases one department's task from the menu, the task's card says how often and
/// when, and the department reads what was said among its notices.
/// </summary>
public sealed class ChaseTaskPageTests : CasePageTest
{
    [Fact]
    public async Task The_clerk_chases_the_quality_task_its_card_counts_the_chases_and_the_quality_head_reads_the_words()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=more-actions]");

        void Chase(string? words)
        {
            cut.Find("[data-test=more-actions] button").Click();
            var item = cut.WaitForElement(".mud-popover-open [data-action=ChaseTask][data-task=QA]");
            Assert.Equal("催办 · 质量部", item.TextContent.Trim());
            item.Click();
            var hint = cut.WaitForElement(".mud-dialog .mud-input-helper-text").TextContent;
            Assert.Contains("部门负责人会收到", hint, StringComparison.Ordinal);
            if (words is not null)
            {
                cut.Find("[data-test=step-note]").Change(words);
            }

            cut.Find("[data-test=confirm-step]").Click();
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        }

        Chase("客户第三次来电，请今天答复");
        var clock = ctx.Services.GetRequiredService<OrganisationClock>();
        var first = clock.Format(Driver.Time.GetUtcNow());
        cut.WaitForAssertion(() => Assert.Equal("已催办，" + first, cut.Find("[data-task=QA] [data-test=task-chased]").TextContent.Trim()));
        Driver.Time.Advance(TimeSpan.FromHours(2));
        Chase(null);
        var second = clock.Format(Driver.Time.GetUtcNow());

        cut.WaitForAssertion(() => Assert.Equal($"已催办 2 次，最近 {second}", cut.Find("[data-task=QA] [data-test=task-chased]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-task=PROD] [data-test=task-chased]"));
        var lines = cut.FindAll("[data-ledger-action=ChaseTask]");
        Assert.Equal(2, lines.Count);
        // The timeline names the department chased in the title, and under it only who chased (not the task's department).
        Assert.Equal("催办 · 质量部", lines[0].QuerySelector("[data-test=ledger-title]")!.TextContent.Trim());
        Assert.DoesNotContain("质量部", lines[0].QuerySelector(".mud-typography-caption")!.TextContent, StringComparison.Ordinal);

        var head = OpenAnother("zh-Hans", new ComplaintPortal.Domain.Notifications.NoticeFeed());
        head.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var notices = head.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();
        var rows = notices.WaitForElements("[data-kind=TaskChased]", 2, TimeSpan.FromSeconds(5)).Select(r => r.TextContent).ToList();
        Assert.All(rows, r => Assert.Contains("任务催办", r, StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains($"{Driver.Clerk.Name} 催办：客户第三次来电，请今天答复", StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains($"{Driver.Clerk.Name} 催办", StringComparison.Ordinal) && !r.Contains('：'));
        Assert.DoesNotContain(rows, r => r.Contains("TaskChased", StringComparison.Ordinal));
    }
}
