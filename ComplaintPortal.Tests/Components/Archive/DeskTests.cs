using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The clerk's desk over a real database: loans count down, the queues follow the archive live; revoking is confirmed in a dialog that asks why.</summary>
public sealed class DeskTests : DeskTest
{
    [Fact]
    public async Task An_approved_loan_counts_down_to_its_end_and_once_over_says_how_long_the_files_are_overdue()
    {
        await AddClerkAccountAsync();
        var request = await RequestAsync(await ArchivedNumberAsync(), approve: true);
        await using var context = NewContext();

        var page = context.RenderPage<Desk>();

        var row = page.WaitForElement($"[data-test=desk-requests] [data-request='{request.Id}']").Closest("tr")!;
        var countdown = row.QuerySelector("[data-test=request-countdown] portal-countdown")!;
        Assert.StartsWith("剩余", countdown.TextContent, StringComparison.Ordinal);
        Assert.Equal(request.RequestedUntil.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), countdown.GetAttribute("due"));
        // Nothing counts down on a request still waiting for the leader.
        var waiting = await RequestAsync((await ArchivedNumberAsync()), approve: false);
        Driver.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        await using var later = NewContext();
        var again = later.RenderPage<Desk>();

        var overdue = again.WaitForElement($"[data-test=desk-requests] [data-request='{request.Id}']").Closest("tr")!;
        Assert.Contains("已到期未归还", overdue.QuerySelector("[data-test=request-status]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("已超期", overdue.QuerySelector("[data-test=request-countdown] portal-countdown")!.TextContent, StringComparison.Ordinal);
        // The tabs count them: one waiting, one on loan and late.
        Assert.Equal(["全部 (2)", "待审批 (1)", "借阅中 (1)", "已到期未归还 (1)", "已结束 (0)"], again.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        // Nothing counts down on a request still waiting for the leader (the tab of those waiting).
        again.FindAll(".mud-tab")[1].Click();
        var pending = again.WaitForElement($"[data-test=desk-requests] [data-request='{waiting.Id}']").Closest("tr")!;
        Assert.Contains("待审批", pending.QuerySelector("[data-test=request-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pending.QuerySelector("[data-test=request-countdown]"));
        Assert.Empty(again.FindAll($"[data-test=desk-requests] [data-request='{request.Id}']"));
    }

    [Fact]
    public async Task Desk_actions_wrap_whole_onto_a_second_line_on_a_narrow_screen()
    {
        await AddClerkAccountAsync();
        await using var context = NewContext();

        var page = context.RenderPage<Desk>();

        var actions = page.WaitForElement("[data-test=inspect-now]").ParentElement!;
        Assert.Equal(3, actions.QuerySelectorAll("button").Length);
        Assert.Contains("flex-wrap", actions.ClassList);
    }

    [Fact]
    public async Task The_schedule_line_counts_its_days_in_the_right_english_form()
    {
        await AddClerkAccountAsync();
        options.QuietPeriod = TimeSpan.FromDays(1);
        await using (var context = NewContext("en"))
        {
            var help = context.RenderPage<Desk>().WaitForElement("[data-test=desk-jobs-help]").TextContent;
            Assert.Contains("(cases closed 1 day or more ago)", help, StringComparison.Ordinal);
            Assert.Contains("the inspection every 7 days,", help, StringComparison.Ordinal);
        }

        await using (var context = NewContext())
        {
            Assert.Contains("每小时归档结案满 1 天的案件", context.RenderPage<Desk>().WaitForElement("[data-test=desk-jobs-help]").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_request_appears_in_the_clerks_queue_without_reloading()
    {
        await AddClerkAccountAsync();
        var number = await ArchivedNumberAsync();
        await using var context = NewContext();
        var page = context.RenderPage<Desk>();
        page.WaitForElement("[data-test=inspect-now]");
        Assert.DoesNotContain(number, page.Markup, StringComparison.Ordinal);

        var request = await RequestAsync(number, approve: false);

        // The desk opens on the loans; the tab of those waiting counts the new one at once, and shows it.
        page.WaitForAssertion(() => Assert.Equal("待审批 (1)", page.FindAll(".mud-tab")[1].TextContent.Trim()));
        page.FindAll(".mud-tab")[1].Click();
        page.WaitForAssertion(() => Assert.Contains(number, page.Find("[data-test=desk-requests]").TextContent, StringComparison.Ordinal));
        // The request goes by its form's number (CY-…), as the dialogs and the access log name it, not by a bare row id.
        Assert.Equal(request.Number, page.Find("[data-test=desk-requests] [data-test=request-number]").TextContent);
        Assert.Matches("^CY-[0-9]{6}$", request.Number);
        await using (var db = Database.CreateContext())
        {
            await new ArchiveAccess(db, Driver.Time, feed).ApproveAsync(Driver.Leader, request.Id, null, null, null, null);
        }

        page.WaitForAssertion(() => Assert.Equal("借阅中 (1)", page.FindAll(".mud-tab")[2].TextContent.Trim()));
        page.FindAll(".mud-tab")[2].Click();
        page.WaitForAssertion(() => Assert.Contains(number, page.Find("[data-test=desk-requests]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoking_asks_in_a_dialog_that_names_the_consequence_and_requires_a_reason()
    {
        await AddClerkAccountAsync();
        var number = await ArchivedNumberAsync();
        var request = await RequestAsync(number, approve: true);
        await using var context = NewContext();
        var page = context.RenderPage<Desk>();

        page.WaitForElement("[data-test=desk-requests] [data-test=revoke]");
        Assert.Empty(page.FindAll("[data-test=revoke-reason]"));
        page.Find("[data-test=desk-requests] [data-test=revoke]").Click();

        var consequence = page.WaitForElement("[data-test=revoke-consequence]");
        Assert.Contains(request.RequesterName, consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains("立即失去", consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains($"撤销查阅申请 {request.Number} 的权限", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        page.Find("[data-test=revoke-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("必须填写理由", page.Find("[data-test=revoke-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal(AccessRequestStatus.Approved, await StatusAsync(request.Id));

        page.Find("textarea[data-test=revoke-reason], [data-test=revoke-reason] textarea").Input("用途已完成");
        page.Find("[data-test=revoke-confirm]").Click();

        await WaitForAsync(async () => await StatusAsync(request.Id) == AccessRequestStatus.Revoked);
        await using var db = Database.CreateContext();
        var revoked = await db.ArchiveAccessRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
        Assert.Equal(AccessRequestStatus.Revoked, revoked.Status);
        Assert.Equal("用途已完成", revoked.EndReason);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=revoke-dialog]")));
    }

    private async Task<AccessRequestStatus> StatusAsync(int requestId)
    {
        await using var db = Database.CreateContext();
        return await db.ArchiveAccessRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync();
    }
}
