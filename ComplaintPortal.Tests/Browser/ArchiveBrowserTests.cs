using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>An archive access request from start to end: request, a leader's approval, the watermarked view, the clerk records the return and the open view closes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = NewApp();

    private static PortalAppFactory NewApp()
    {
        var app = new PortalAppFactory();
        app.Settings["Archive:JobsEnabled"] = "false";
        return app;
    }

    [Fact]
    public async Task Request_approval_watermarked_view_and_return()
    {
        var root = app.StartOnLoopback();
        var number = await ArchivedFileAsync();

        var handler = await SignInAsync(root, "handler.qa");
        await OpenAsync(handler, "/archive/files/" + number);
        await handler.Locator("[data-test=archive-refused]").WaitForAsync();
        await OpenAsync(handler, "/archive/requests?numbers=" + number);
        await handler.FillAsync(Field("purpose", "textarea"), "核查同一客户的重复投诉");
        await handler.ClickAsync("[data-test=submit-request]");
        await handler.Locator("[data-test=request-row][data-status=Pending]").WaitForAsync();
        await Shot(handler, "archive-1-request.png");

        await handler.WaitForSelectorAsync("[data-test=notice-bell][data-live=true]");
        var unreadBefore = int.Parse(await handler.GetAttributeAsync("[data-test=notice-bell]", "data-count") ?? "", CultureInfo.InvariantCulture);

        var leader = await SignInAsync(root, "leader");
        await OpenAsync(leader, "/archive/approvals");
        await leader.ClickAsync("[data-test=decide]");
        await leader.Locator("[data-test=decision-dialog]").WaitForAsync();
        // The granted days read year first whatever the browser's own language (this one is English: a native date
        // box would say 03/10/2026).
        Assert.Matches(@"^2026-03-\d\d$", await leader.InputValueAsync("[data-test=grant-from]"));
        var lastDay = await leader.InputValueAsync("[data-test=grant-until]");
        Assert.Matches(@"^2026-03-\d\d$", lastDay);
        // The table behind names the same last day (the form's end is inclusive; the stored end is the next midnight).
        Assert.EndsWith("– " + DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            (await leader.Locator("[data-test=request-period]").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await Shot(leader, "archive-2-approval.png");

        // A last day that is no day (the 32nd) holds the approval, which would otherwise grant the whole period asked for;
        // the same day typed with slashes and no leading zero is read.
        await leader.FillAsync("[data-test=grant-until]", "2026-03-32");
        await leader.PressAsync("[data-test=grant-until]", "Tab");
        await leader.ClickAsync("[data-test=approve]");
        Assert.Equal("有内容无法识别，请先更正标红的字段。",
            (await leader.Locator("[data-test=decision-unread]").InnerTextAsync()).Trim());
        Assert.Contains("请按年-月-日输入日期", await leader.Locator("[data-test=decision-dialog]").InnerTextAsync(), StringComparison.Ordinal);
        var last = DateOnly.ParseExact(lastDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await leader.FillAsync("[data-test=grant-until]", $"{last.Year}/{last.Month}/{last.Day}");
        await leader.PressAsync("[data-test=grant-until]", "Tab");
        await leader.Locator("[data-test=decision-unread]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await leader.ClickAsync("[data-test=approve]");
        await leader.Locator("[data-test=no-requests]").WaitForAsync();

        // The requester's bell, open all along, counts the decision without a reload; the notices page says it in words.
        await handler.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{unreadBefore + 1}']");
        await handler.ClickAsync("[data-test=notice-bell]");
        var approval = handler.Locator("[data-test=notices] tr", new() { Has = handler.Locator("[data-kind=ArchiveRequestApproved]") });
        await approval.WaitForAsync();
        var approvalText = await approval.InnerTextAsync();
        Assert.Contains("档案查阅申请已批准", approvalText, StringComparison.Ordinal);
        Assert.Contains("可查阅至 " + last.ToString("yyyy/M/d", CultureInfo.InvariantCulture), approvalText, StringComparison.Ordinal);
        Assert.Equal("/archive/requests", await approval.Locator("[data-request]").GetAttributeAsync("href"));
        await Shot(handler, "archive-notice-approved.png");

        await OpenAsync(handler, "/archive/requests");
        await handler.ClickAsync($"[data-test=open-file][data-number={number}]");
        var watermark = handler.Locator("[data-test=watermark]");
        await watermark.WaitForAsync();
        Assert.Contains("质量", await watermark.GetAttributeAsync("data-watermark"), StringComparison.Ordinal);
        Assert.Contains("王小明", await handler.InnerTextAsync("[data-test=complainant]"), StringComparison.Ordinal);
        await Shot(handler, "archive-3-watermarked-view.png");

        var clerk = await SignInAsync(root, "archivist");
        await OpenAsync(clerk, "/archive/desk");
        // The job buttons say that they run by themselves and that listing for destruction destroys nothing.
        Assert.Contains("列入待销毁清单不会销毁档案", await clerk.InnerTextAsync("[data-test=desk-jobs-help]"), StringComparison.Ordinal);
        Assert.Contains("结案满 7 天", await clerk.InnerTextAsync("[data-test=desk-jobs-help]"), StringComparison.Ordinal);
        // Column titles, names and archive numbers each stay on one line (not 申 / 请, not DA-2026- / 000001, not the decider
        // 总经理 / 周建国 under 审批人：): measured once
        // the requests have loaded (on a busy machine the grid was once still saying 加载中…).
        await clerk.Locator("[data-test=desk-requests] [data-test=grid-loading]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await clerk.Locator("[data-test=desk-requests] .portal-nowrap").First.WaitForAsync();
        var broken = await clerk.EvaluateAsync<string[]>(
            """
            () => [...[...document.querySelectorAll('[data-test=desk-requests] th')].map(th => th.querySelector('.sortable-column-header') ?? th.querySelector('.column-header')?.firstChild ?? th),
                   ...document.querySelectorAll('[data-test=desk-requests] .portal-nowrap, [data-test=desk-requests] [data-test=request-decision] .portal-keep-words')]
              .filter(e => {
                const text = document.createRange();
                text.selectNodeContents(e);
                return new Set([...text.getClientRects()].map(r => Math.round(r.top))).size > 1;
              })
              .map(e => e.textContent.trim())
            """);
        Assert.Empty(broken);
        Assert.True(await clerk.Locator("[data-test=desk-requests] .portal-nowrap").CountAsync() >= 2, "the requester and the archive number are kept whole");
        Assert.True(await clerk.Locator("[data-test=desk-requests] [data-test=request-decision] .portal-keep-words").CountAsync() >= 1, "the decider is kept whole");

        // On a phone the clerk's requests are cards: each value under its column's title, the actions on the screen.
        var phone = await new PortalWalk(browser, root, app.Record).SignInAsync("archivist", new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await OpenAsync(phone, "/archive/desk");
        var card = phone.Locator("[data-test=desk-requests] tr", new() { Has = phone.Locator("[data-test=request-row]") }).First;
        await card.WaitForAsync();
        Assert.False(await phone.Locator("[data-test=desk-requests] thead").IsVisibleAsync());
        Assert.Equal("\"申请人\"", await card.Locator("td").Nth(1).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        var returnButton = await card.Locator("[data-test=record-return]").BoundingBoxAsync();
        Assert.True(returnButton!.X >= 0 && returnButton.X + returnButton.Width <= 390, $"the return button spans {returnButton.X}-{returnButton.X + returnButton.Width}");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth && window.innerWidth <= screen.width"));
        await Shot(phone, "archive-desk-phone.png");

        // The return ends the reader's access for good: the clerk is asked first, told whose access ends.
        await clerk.ClickAsync("[data-test=desk-requests] [data-test=record-return]");
        var confirmReturn = clerk.Locator(".mud-dialog", new() { HasTextString = "质量部 李强 对这些档案的查阅随即结束" });
        await confirmReturn.WaitForAsync();
        await confirmReturn.GetByRole(AriaRole.Button, new() { Name = "登记归还" }).ClickAsync();
        await clerk.Locator("[data-test=desk-requests] [data-test=record-return]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Snackbars.ShownAsync(clerk);
        await Shot(clerk, "archive-4-returned.png");

        // The view that stayed open closes by itself.
        await handler.Locator("[data-test=archive-closed]").WaitForAsync();
        Assert.Equal(0, await handler.Locator("[data-test=complainant]").CountAsync());
        await Shot(handler, "archive-5-view-closed.png");
        var kinds = await app.WithDbAsync(db => db.ArchiveAccessLog.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([ArchiveAccessKind.Refused, ArchiveAccessKind.ViewFile], kinds);

        // From the closed view, back to the reader's own requests.
        await handler.ClickAsync("[data-test=back-to-requests]");
        await handler.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/archive/requests");
        await handler.Locator("[data-test=request-form]").WaitForAsync();
    }

    [Fact]
    public async Task Approval_and_return_recorded_on_one_server_reach_the_readers_open_pages_on_another()
    {
        // Two web servers over one database and one clock: the reader is on server B, the leader and the clerk on server A.
        var rootA = app.StartOnLoopback();
        await using var serverB = new PortalAppFactory(app.Database, time: app.Time);
        serverB.Settings["Archive:JobsEnabled"] = "false";
        var rootB = serverB.StartOnLoopback();
        var number = await ArchivedFileAsync();
        var reader = await SignInAsync(rootB, "handler.qa");
        await OpenAsync(reader, "/archive/requests?numbers=" + number);
        await reader.FillAsync(Field("purpose", "textarea"), "核查同一客户的重复投诉");
        await reader.ClickAsync("[data-test=submit-request]");
        await reader.Locator("[data-test=request-row][data-status=Pending]").WaitForAsync();

        var leader = await SignInAsync(rootA, "leader");
        await OpenAsync(leader, "/archive/approvals");
        await leader.ClickAsync("[data-test=decide]");
        await leader.Locator("[data-test=decision-dialog]").WaitForAsync();
        await leader.ClickAsync("[data-test=approve]");
        await leader.Locator("[data-test=no-requests]").WaitForAsync();

        // Approved on A: the reader's list on B offers the file without a reload.
        var open = reader.Locator($"[data-test=open-file][data-number={number}]");
        await open.WaitForAsync(new() { Timeout = AcrossServers });
        await open.ClickAsync();
        await reader.Locator("[data-test=watermark]").WaitForAsync();

        var clerk = await SignInAsync(rootA, "archivist");
        await OpenAsync(clerk, "/archive/desk");
        await clerk.ClickAsync("[data-test=desk-requests] [data-test=record-return]");
        await clerk.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "登记归还" }).ClickAsync();
        await clerk.Locator("[data-test=desk-requests] [data-test=record-return]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Returned on A: the file open on B closes by itself, its personal data gone from the page.
        await reader.Locator("[data-test=archive-closed]").WaitForAsync(new() { Timeout = AcrossServers });
        Assert.Equal(0, await reader.Locator("[data-test=complainant]").CountAsync());
        await Shot(reader, "archive-view-closed-other-server.png");
    }

    [Fact]
    public async Task The_reader_finishes_reading_from_the_file_confirms_in_a_dialog_and_the_view_closes()
    {
        var root = app.StartOnLoopback();
        var number = await ArchivedFileAsync();
        var now = app.Time.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var actions = new AppActions(app.Services);
            var access = scope.ServiceProvider.GetRequiredService<ArchiveAccess>();
            var (_, request) = await access.RequestAsync(await actions.UserAsync("handler.qa"), "核查同一客户的重复投诉",
                new AccessScope([number], null, null, null), now, now.AddDays(3));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(await actions.UserAsync("leader"), request!.Id, null, null, null, null));
        }

        // On a phone the file fits the screen: its slanted watermark does not widen the page (it had made it 605 px wide).
        var phone = await new PortalWalk(browser, root, app.Record).SignInAsync("handler.qa", new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await OpenAsync(phone, "/archive/files/" + number);
        await phone.Locator("[data-test=watermark]").WaitForAsync();
        var widths = await phone.EvaluateAsync<int[]>("() => [window.innerWidth, document.scrollingElement.scrollWidth]");
        Assert.Equal(new[] { 390, 390 }, widths);
        await Shot(phone, "archive-file-phone.png");
        await phone.Context.CloseAsync();

        var reader = await SignInAsync(root, "handler.qa");
        await OpenAsync(reader, "/archive/files/" + number);
        await reader.Locator("[data-test=watermark]").WaitForAsync();

        // The dialog says what follows; cancelled, nothing ends.
        var finish = reader.Locator("[data-test=finish-reading]");
        var dialog = reader.Locator(".mud-dialog", new() { HasTextString = "如需再次查阅，须重新申请" });
        await finish.ClickAsync();
        await dialog.WaitForAsync();
        await Shot(reader, "archive-finish-dialog.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.True(await reader.Locator("[data-test=complainant]").IsVisibleAsync());

        // Confirmed: the view closes by itself, the register holds the reader's confirmation, their list says returned.
        await finish.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "查阅完毕，确认归还" }).ClickAsync();
        await reader.Locator("[data-test=archive-closed]").WaitForAsync();
        await Snackbars.ShownAsync(reader, "归还已记入档案查阅登记表");
        Assert.Equal(0, await reader.Locator("[data-test=complainant]").CountAsync());
        var signed = await app.WithDbAsync(db => db.ArchiveAccessLog.Where(e => e.Kind == ArchiveAccessKind.ReturnConfirmed)
            .Select(e => new { e.ArchiveNumber, Department = db.Departments.Where(d => d.Id == e.DepartmentId).Select(d => d.Code).FirstOrDefault() }).ToListAsync());
        Assert.Equal([(number, "QA")], signed.Select(e => (e.ArchiveNumber, e.Department)));

        await OpenAsync(reader, "/archive/requests");
        await reader.Locator("[data-test=request-row][data-status=Returned]").WaitForAsync();
        Assert.Equal(0, await reader.Locator("[data-test=finish-reading]").CountAsync());
        Assert.Equal(0, await reader.Locator("[data-test=open-file]").CountAsync());

        // The clerk's register shows the confirmation under the reader's name.
        var clerk = await SignInAsync(root, "archivist");
        await OpenAsync(clerk, "/archive/log");
        await clerk.Locator("[data-test=log-kind][data-kind=ReturnConfirmed]").WaitForAsync();
        Assert.Equal("查阅完毕，确认归还", (await clerk.Locator("[data-test=log-kind][data-kind=ReturnConfirmed]").InnerTextAsync()).Trim());
        await Shot(clerk, "archive-log-confirmed.png");
    }

    /// <summary>The servers' signal relays read every 2 s: a change crosses within two reads and a page's redraw.</summary>
    private const float AcrossServers = 10_000;

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }

    /// <summary>A case withdrawn by the clerk and archived after its quiet period: its file's number.</summary>
    [Fact]
    public async Task A_leader_approves_the_disposal_list_at_once_after_a_dialog_and_the_files_are_disposed_in_the_background()
    {
        var root = app.StartOnLoopback();
        // Three withdrawn cases archived, then past their three years' retention and listed.
        var time = (SettableTimeProvider)app.Time;
        var actions = new AppActions(app.Services);
        for (var i = 0; i < 3; i++)
        {
            var complaint = await actions.RegisterAsync();
            await actions.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, "intake");
        }

        time.Advance(TimeSpan.FromDays(8));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(time.GetUtcNow());
            time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<ArchiveDisposals>().ListDueAsync());
        }

        var leader = await SignInAsync(root, "leader");
        await OpenAsync(leader, "/archive/approvals");
        Assert.Equal("3", await leader.GetAttributeAsync("[data-test=disposal-list-summary]", "data-count"));
        // The three ended on one day: the summary names it once.
        Assert.Matches(@"^清册共 3 份档案，保管期满于 \d{4}/\d{1,2}/\d{1,2}。$", (await leader.InnerTextAsync("[data-test=disposal-list-summary]")).Trim());
        // Each file with what a leader decides by (its case and class: these were withdrawn unassessed); its number opens the
        // file's line in the archive's list, where it can be marked important or held instead.
        await leader.Locator("[data-test=disposal-class]").Nth(2).WaitForAsync();
        var classes = await leader.Locator("[data-test=disposal-class]").AllInnerTextsAsync();
        Assert.Equal(3, classes.Count);
        Assert.All(classes, c => Assert.StartsWith("未分类 / ", c.Trim(), StringComparison.Ordinal));
        var first = leader.Locator("[data-test=disposal-row]").First;
        var firstNumber = await first.GetAttributeAsync("data-number");
        await first.ClickAsync();
        await leader.WaitForURLAsync(url => url.EndsWith("/archive?number=" + firstNumber, StringComparison.Ordinal));
        await leader.Locator("[data-test=archive-number]").Filter(new() { HasTextString = firstNumber }).WaitForAsync();
        Assert.Equal(1, await leader.Locator("[data-test=archive-number]").CountAsync());
        await OpenAsync(leader, "/archive/approvals");

        // The dialog names the count and says it cannot be undone; cancelled, nothing is approved.
        var dialog = leader.Locator(".mud-dialog", new() { HasTextString = "此操作不能撤销" });
        await leader.ClickAsync("[data-test=approve-list]");
        await dialog.WaitForAsync();
        Assert.Contains("这 3 份档案", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(leader, "archive-disposal-list-confirm.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(3, await app.WithDbAsync(db => db.ArchiveDisposals.CountAsync(d => d.Status == DisposalStatus.Listed)));

        await leader.ClickAsync("[data-test=approve-list]");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "批准销毁" }).ClickAsync();
        await Snackbars.ShownAsync(leader, "已批准销毁 3 份档案");
        // Nothing waits for a decision any more; the job disposes of the approved files in the background, and the page's line
        // of approved files waiting goes once it is done, without a reload.
        await leader.Locator("[data-test=no-disposals]").WaitForAsync();
        for (var tries = 0; await app.WithDbAsync(db => db.ArchiveDisposals.AnyAsync(d => d.Status != DisposalStatus.Disposed)); tries++)
        {
            Assert.True(tries < 300, "The approved files were not disposed of within 30 s.");
            await Task.Delay(100);
        }

        await leader.Locator("[data-test=disposals-approved]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Shot(leader, "archive-disposal-list-approved.png");
        var leaderName = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "leader").Select(u => u.DisplayName).SingleAsync());
        var done = await app.WithDbAsync(db => db.ArchiveDisposals.Select(d => new { d.Status, d.DeciderName }).ToListAsync());
        Assert.All(done, d => Assert.Equal((DisposalStatus.Disposed, leaderName), (d.Status, d.DeciderName)));
        Assert.Equal(3, await app.WithDbAsync(db => db.ArchivedFiles.CountAsync(f => f.State == ArchiveFileState.Disposed)));
    }

    private async Task<string> ArchivedFileAsync()
    {
        var time = (SettableTimeProvider)app.Time;
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        await actions.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, "intake");
        time.Advance(TimeSpan.FromDays(8));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(time.GetUtcNow());
        }

        return await app.WithDbAsync(db => db.ArchivedFiles.Select(f => f.ArchiveNumber).SingleAsync());
    }

    private static string Field(string test, string element = "input") => $"[data-test={test}] {element}, {element}[data-test={test}]";

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath(name), FullPage = true });

    private Task<IPage> SignInAsync(Uri root, string userName) =>
        PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = new() { Width = 1400, Height = 900 } }, app.Record);
}
