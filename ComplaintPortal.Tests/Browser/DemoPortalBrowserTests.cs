using System.Globalization;
using ClosedXML.Excel;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>The portal as a demonstration starts it (demo people and demo cases), walked in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoPortalBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = DemoPortal.Start();

    [Fact]
    public async Task Demo_board_at_a_desk_and_the_clerk_s_cards_and_the_committee_s_figures_on_a_phone()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);

        // At a desk the demo board has work in each state: department tasks overdue from the slow weeks, cases on time,
        // cases waiting for the customer. (README's picture of the board.)
        var desk = await walk.SignInAsync("intake", new ViewportSize { Width = 1366, Height = 800 });
        await desk.GotoAsync("/board");
        await desk.Locator("tbody board-countdown[data-state]").First.WaitForAsync();
        Assert.InRange(int.Parse(await desk.GetAttributeAsync("[data-test=row-count]", "data-open") ?? "", CultureInfo.InvariantCulture), 8, DemoCases.Count);
        foreach (var state in new[] { "overdue", "on-track", "paused" })
        {
            Assert.True(await desk.Locator($"tbody [data-state={state}]").CountAsync() > 0, $"no {state} row");
        }

        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("board-demo.png") });

        // The clerk's queue at a desk, drawer open: a long description ends in its ellipsis inside the grid, not cut at its edge.
        await desk.GotoAsync("/cases/queue");
        await desk.Locator("[data-test=case-table] [data-test=description]").First.WaitForAsync();
        var overrun = await desk.EvaluateAsync<string[]>(
            """
            () => {
              const frame = document.querySelector('[data-test=case-table] .mud-table-container').getBoundingClientRect();
              return [...document.querySelectorAll('[data-test=case-table] [data-test=description]')]
                .filter(d => d.getBoundingClientRect().right > frame.right + 0.5 || (d.scrollWidth > d.clientWidth && getComputedStyle(d).textOverflow !== 'ellipsis'))
                .map(d => `${d.textContent.slice(0, 12)}… ends at ${d.getBoundingClientRect().right}, the grid at ${frame.right}`);
            }
            """);
        Assert.Empty(overrun);
        // A Chinese stage (已审核待回复, 等待客户) stays on one line beside the description that takes the rest of the row.
        var stages = await desk.Locator("[data-test=case-table] td.portal-case-stage").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => { const r = document.createRange(); r.selectNodeContents(c);" +
            " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size + ' ' + c.innerText.trim(); })");
        Assert.NotEmpty(stages);
        Assert.All(stages, stage => Assert.StartsWith("1 ", stage, StringComparison.Ordinal));

        var page = await OnAPhoneAsync(walk, "intake");

        await page.GotoAsync("/cases/queue");
        await page.WaitForSelectorAsync("[data-test=case-table] [data-case]");

        // Nothing runs off the right of the screen: not the page, and not a card's case number, stage or long description.
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth && window.innerWidth <= screen.width"),
            $"the page is {await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")} px wide");
        var cards = page.Locator("[data-test=case-table] tbody tr:has([data-case])");
        Assert.True(await cards.CountAsync() >= 3, "the demo clerk has cases to do");
        for (var i = 0; i < 3; i++)
        {
            foreach (var part in new[] { "[data-case]", "[data-test=description]", "td:nth-child(2)" })
            {
                var box = await cards.Nth(i).Locator(part).BoundingBoxAsync();
                Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"card {i}: {part} spans {box.X}-{box.X + box.Width}");
            }
        }

        // A long description wraps to at most two lines in the card, cut with an ellipsis, the whole text in its title.
        var description = cards.First.Locator("[data-test=description]");
        var lineHeight = await description.EvaluateAsync<double>("d => parseFloat(getComputedStyle(d).lineHeight)");
        Assert.InRange((await description.BoundingBoxAsync())!.Height, lineHeight * 0.9, (lineHeight * 2) + 1);
        Assert.Equal(await description.GetAttributeAsync("title"), await description.TextContentAsync());
        // Its label keeps its words whole (投诉内容, not 投诉内 / 容).
        Assert.Equal("keep-all", await cards.First.Locator("td:has([data-test=description])").EvaluateAsync<string>("td => getComputedStyle(td, '::before').wordBreak"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("queue-phone.png") });

        // Last month's figures by department and by handler: titles and names on one line, the table scrolling in its frame.
        var committee = await OnAPhoneAsync(walk, "supervisor");
        await committee.GotoAsync("/supervision/figures");
        // Measured once the page runs over its circuit: the prerendered tables are replaced then.
        await committee.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        foreach (var table in new[] { "figures-departments", "figures-handlers" })
        {
            var frame = committee.Locator($"[data-test={table}] .mud-table-container");
            await committee.Locator($"[data-test={table}] tbody tr").First.WaitForAsync();
            var lines = await frame.EvaluateAsync<double[]>(
                """
                f => {
                  const cells = [...f.querySelectorAll('th, td')];
                  const height = c => { const s = getComputedStyle(c); return (c.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.fontSize); };
                  return [Math.max(...cells.map(height)), f.getBoundingClientRect().right];
                }
                """);
            // One line is about 1.4 times the type's size (MudBlazor's tables), two lines about 2.9.
            Assert.True(lines[0] < 2.2, $"{table}: a cell is {lines[0]:0.0} times its type's size high");
            Assert.True(lines[1] <= 390, $"{table}: the frame ends at {lines[1]} px");
        }

        // Each table of figures is wider than the phone: a hint says so, and the rows' names stay pinned as it scrolls.
        // (The checklist items' table is walked in the supervision walk: the demo's last month has no check results.)
        foreach (var table in new[] { "figures-departments", "figures-handlers" })
        {
            await Layout.TablePinnedOnAPhoneAsync(committee, table, "左右滑动查看所有列");
        }

        Assert.True(await committee.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth && window.innerWidth <= screen.width"));
        await committee.Locator("[data-test=figures-departments]").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("figures-phone-departments.png") });
    }

    [Fact]
    public async Task A_clerk_searches_by_a_word_downloads_the_cases_the_list_shows_and_comes_back_to_the_search_from_a_case()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var page = await walk.SignInAsync("intake", new ViewportSize { Width = 1366, Height = 800 });
        await page.GotoAsync("/cases/search");
        await page.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        await page.Locator("input[data-test=search-text], [data-test=search-text] input").First.FillAsync("空调");
        await page.Locator("[data-test=search]").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => { const rows = [...document.querySelectorAll('[data-test=case-table] tbody tr')]; return rows.length > 1 && rows.every(r => r.innerText.includes('空调')); }");
        var listed = await page.Locator("[data-test=case-table] tbody a[data-case]").AllInnerTextsAsync();

        var download = page.WaitForDownloadAsync();
        await page.Locator("[data-test=search-export]").ClickAsync();
        var file = await download;

        // The file holds the search shown, not every case: the link followed the search when it was run.
        Assert.Matches(@"^case-search-\d{8}-\d{4}\.xlsx$", file.SuggestedFilename);
        await using var saved = File.OpenRead(await file.PathAsync());
        using var workbook = new XLWorkbook(saved);
        var rows = workbook.Worksheets.First().AutoFilter.Range.Rows().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(listed.Select(n => n.Trim()), rows);

        // A case opened from the results, and back: the search as it was left, its word in the field and its cases listed.
        await page.Locator("[data-test=case-table] tbody a[data-case]").First.ClickAsync();
        await page.WaitForURLAsync("**/cases/KS-*");
        await page.GoBackAsync();
        // Retried until the page settles: the list drawn before the circuit starts is drawn again once it has.
        await Assertions.Expect(page.Locator("input[data-test=search-text], [data-test=search-text] input").First).ToHaveValueAsync("空调");
        await Assertions.Expect(page.Locator("[data-test=case-table] tbody a[data-case]")).ToHaveTextAsync([.. listed]);
    }

    [Fact]
    public async Task A_leader_raises_an_improvement_action_from_a_hot_spot_and_the_quality_head_reports_it_done_on_a_phone()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var leader = await walk.SignInAsync("leader", new ViewportSize { Width = 1440, Height = 900 });
        await PortalWalk.OpenAsync(leader, "/reports/statistics?period=Month&year=2026&number=2");
        await leader.Locator("[data-test=raise-improvement]").First.ClickAsync();
        await leader.WaitForSelectorAsync("[data-test=improvement-dialog]");
        Assert.Contains("2026", await leader.InnerTextAsync("[data-test=improvement-dialog] [data-test=improvement-source]"), StringComparison.Ordinal);
        await leader.FillAsync("[data-test=improvement-title]", "热点复盘：来料与工艺");
        await PortalWalk.PickAsync(leader, "improvement-department", "质量部");
        await leader.FillAsync("[data-test=improvement-due]", "2026-03-20");
        await leader.FillAsync("[data-test=improvement-plan]", "逐批来料耐温检验，月底复盘");
        await PortalWalk.ShotAsync(leader, "improvement-raise.png", fullPage: false);
        await leader.ClickAsync("[data-test=improvement-submit]");
        await leader.WaitForSelectorAsync("[data-test=improvement-dialog]", new() { State = WaitForSelectorState.Detached });
        await leader.Locator(".mud-snackbar", new() { HasText = "改进措施已提出" }).WaitForAsync();

        // The list, soonest due first: what, where it came from (and the way back to those figures), who, by when.
        await PortalWalk.OpenAsync(leader, "/reports/improvements");
        var row = leader.Locator("[data-test=improvements] tr", new() { Has = leader.Locator("[data-improvement]", new() { HasText = "热点复盘：来料与工艺" }) });
        await row.WaitForAsync();
        Assert.Equal("/reports/statistics?period=Month&year=2026&number=2",
            await row.Locator("[data-test=improvement-statistics]").GetAttributeAsync("href"));
        await PortalWalk.ShotAsync(leader, "improvements-leader.png", fullPage: false);

        // The quality head, on a phone, finds it among their notices with its date, follows it to the list, and reports it done;
        // it leaves the list of those in progress.
        var head = await walk.SignInAsync("head.qa", new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await PortalWalk.OpenAsync(head, "/notices");
        var notice = head.Locator("[data-kind=ImprovementRaised]");
        await notice.WaitForAsync();
        Assert.Contains("本部门有新的改进措施", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("完成期限 2026/3/20", await notice.InnerTextAsync(), StringComparison.Ordinal);
        await PortalWalk.ShotAsync(head, "improvement-notice-phone.png", fullPage: false);
        await head.Locator("[data-improvement]", new() { HasText = "热点复盘：来料与工艺" }).First.ClickAsync();
        await head.WaitForURLAsync("**/reports/improvements?show=open");
        await head.ClickAsync("[data-test=improvement-report]");
        await head.FillAsync("[data-test=improvement-note]", "三批来料检验合格，已复盘");
        // The field's label moves above the text it now holds (a 0.2 s transition) before the picture.
        await head.WaitForTimeoutAsync(400);
        await PortalWalk.ShotAsync(head, "improvement-report-phone.png", fullPage: false);
        await head.ClickAsync("[data-test=improvement-submit]");
        await head.Locator(".mud-snackbar", new() { HasText = "已报告完成" }).WaitForAsync();
        await head.Locator("[data-test=no-improvements]").WaitForAsync();
        Assert.True(await head.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"));

        // The leader is told it waits to be verified, with what was done.
        await PortalWalk.OpenAsync(leader, "/notices");
        var reported = leader.Locator("[data-kind=ImprovementReportedDone]", new() { HasText = "完成情况：三批来料检验合格" });
        await reported.WaitForAsync();
        Assert.Contains("改进措施已报告完成，待验证", await reported.InnerTextAsync(), StringComparison.Ordinal);

        // From the notice to the actions to verify, where the action's history says who did what, with their words.
        await reported.Locator("xpath=ancestor::tr").Locator("[data-improvement]").ClickAsync();
        await leader.WaitForURLAsync("**/reports/improvements?show=done");
        var toVerify = leader.Locator("[data-test=improvements] tr", new() { Has = leader.Locator("[data-improvement]", new() { HasText = "热点复盘：来料与工艺" }) });
        await toVerify.Locator("[data-test=improvement-history-toggle]").ClickAsync();
        var history = toVerify.Locator("[data-test=improvement-history]");
        await history.WaitForAsync();
        Assert.Equal(["Raised", "ReportedDone"], await history.Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.event)"));
        Assert.Contains("三批来料检验合格，已复盘", await history.InnerTextAsync(), StringComparison.Ordinal);
        await PortalWalk.ShotAsync(leader, "improvement-history.png", fullPage: false);
    }

    [Fact]
    public async Task A_leader_opens_the_complaints_behind_a_statistics_figure_and_from_there_a_case_at_a_desk_and_on_a_phone()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        const string February = "/reports/statistics?period=Month&year=2026&number=2";

        // At a desk (zh-Hans): a department's received complaints, ten to a page, the first opening its case.
        var desk = await walk.SignInAsync("leader", new ViewportSize { Width = 1440, Height = 900 });
        await desk.GotoAsync(February);
        await desk.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        // By product and by customer group, in words; a customer group is named only with three complaints or more.
        var groups = desk.Locator("[data-test=by-customer-group] tbody tr");
        Assert.True(await groups.CountAsync() > 0 && await desk.Locator("[data-test=by-product] tbody tr").CountAsync() > 0);
        foreach (var row in await groups.AllAsync())
        {
            var name = (await row.Locator("td").First.InnerTextAsync()).Trim();
            var received = int.Parse(await row.Locator("[data-figure=received]").GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
            Assert.True(received >= 3 || name is "其他" or "未填写", $"customer group {name} named with {received} complaints");
        }

        await desk.Locator("[data-test=by-product]").ScrollIntoViewIfNeededAsync();
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("statistics-by-product.png") });
        // By cause: the demo's departments filed their root causes under the organisation's categories, named in words.
        var causes = desk.Locator("[data-test=by-cause] tbody tr");
        Assert.True(await causes.CountAsync() > 1, "the demo's February filed no cause");
        Assert.DoesNotMatch("[A-Z_]{4,}", await desk.Locator("[data-test=by-cause]").InnerTextAsync());
        await desk.Locator("[data-section=by-cause-section]").ClickAsync();
        await desk.WaitForURLAsync("**#by-cause-section");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("statistics-by-cause.png") });
        // The links at the top jump to a breakdown, its heading below the app bar, the period kept.
        await desk.Locator("[data-section=by-product-section]").ClickAsync();
        await desk.WaitForURLAsync("**/reports/statistics?period=Month&year=2026&number=2#by-product-section");
        await desk.WaitForFunctionAsync("() => { const top = document.getElementById('by-product-section').getBoundingClientRect().top; return top > 0 && top < 200; }");
        var heading = await desk.Locator("#by-product-section").BoundingBoxAsync();
        var appBar = await desk.Locator(".mud-appbar").BoundingBoxAsync();
        Assert.True(heading!.Y >= appBar!.Y + appBar.Height, $"heading at {heading.Y}, app bar ends at {appBar.Y + appBar.Height}");
        var link = desk.Locator("[data-test=by-department] tbody [data-figure=received]").First;
        var count = int.Parse(await link.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
        Assert.True(count > 0, "the demo's February sent nothing to its first department");
        await link.ClickAsync();
        var cases = desk.Locator("[data-test=statistics-cases] [data-case]");
        await cases.First.WaitForAsync();
        Assert.Equal(Math.Min(count, 10), await cases.CountAsync());
        Assert.Contains($"受理投诉：{count} 件", await desk.Locator("[data-test=figure-title]").InnerTextAsync(), StringComparison.Ordinal);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("statistics-cases.png") });
        var number = (await cases.First.InnerTextAsync()).Trim();
        await cases.First.ClickAsync();
        await desk.WaitForURLAsync($"**/cases/{number}");

        // The year's complaints fill more than three pages: the pager takes a page number, and the fourth page is one step.
        await desk.GotoAsync("/reports/statistics?period=Year&year=2026");
        await desk.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        var year = desk.Locator("[data-figure=received] [data-test=figure] [data-count]");
        var inYear = int.Parse(await year.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
        Assert.True(inYear > 30, $"the demo's 2026 holds {inYear} complaints");
        await year.ClickAsync();
        await cases.First.WaitForAsync();
        var firstPage = await cases.AllInnerTextsAsync();
        var pageNumber = desk.Locator("[data-test=statistics-cases] input[data-test=grid-page]");
        Assert.Equal("1", await pageNumber.InputValueAsync());
        await pageNumber.FillAsync("4");
        await pageNumber.PressAsync("Enter");
        var caption = desk.Locator("[data-test=statistics-cases] .mud-table-pagination-caption").Last;
        await Assertions.Expect(caption).ToContainTextAsync($"第 31–{Math.Min(40, inYear)} 条，共 {inYear} 条");
        var fourthPage = await cases.AllInnerTextsAsync();
        Assert.Equal(Math.Min(10, inYear - 30), fourthPage.Count);
        Assert.Empty(firstPage.Intersect(fourthPage));
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("statistics-cases-page-number.png") });

        // On a phone (English): the month's complaints as cards in the dialog, nothing sideways.
        var phone = await OnAPhoneAsync(walk, "leader");
        await phone.GotoAsync("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(February));
        await phone.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        await phone.Locator("[data-figure=received] [data-test=figure] [data-count]").TapAsync();
        await phone.Locator("[data-test=statistics-cases] [data-case]").First.WaitForAsync();
        // Laid out once the dialog's opening animation has finished.
        await phone.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("statistics-cases-phone-en.png") });
        Assert.Empty(await Layout.LaidOutWrongAsync(phone, "leader's statistics cases on a phone"));
        // Each card's cells say what they are (MudBlazor writes the column's title beside the value).
        Assert.True(await phone.Locator("[data-test=statistics-cases] td[data-label='Received at']").CountAsync() > 0);
    }

    /// <summary>Every role's pages, by the demo account that sees them (the English layout walks go through them all).</summary>
    internal static readonly Dictionary<string, string[]> EveryRolesPages = new()
    {
        ["supervisor"] = ["/", "/supervision/samples", "/supervision/checks", "/supervision/notices", "/supervision/figures", "/privacy/views", "/archive/requests"],
        ["archivist"] = ["/archive", "/archive/desk", "/archive/log"],
        ["leader"] = ["/cases/queue", "/reports/timeliness", "/reports/statistics", "/archive/approvals", "/notices", "/board"],
        ["head.qa"] = ["/supervision/to-answer", "/cases/queue", "/board", "/reports/statistics"],
        ["intake"] = ["/cases/new", "/cases/search", "/cases/queue"],
        ["admin"] = ["/admin/users", "/admin/departments", "/admin/message-templates", "/admin/configuration", "/admin/categories", "/admin/calendars",
            "/admin/sla-policies", "/admin/checklists", "/admin/retention"],
    };

    internal static Task<IPage> OnAPhoneAsync(PortalWalk walk, string userName) =>
        walk.SignInAsync(userName, new ViewportSize { Width = 390, Height = 844 }, phone: true);

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
