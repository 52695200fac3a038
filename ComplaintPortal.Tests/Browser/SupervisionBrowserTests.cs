using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>The supervision committee's round: draw a sample, check a case, issue a notice, the head answers, the committee verifies.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionBrowserTests(BrowserFixture browser) : IDisposable
{
    /// <summary>A small PNG (a ruled sheet on green) standing in for a photographed test report.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAKAAAABkCAIAAACO1KzYAAAA3klEQVR42u3ZOxEAIAxEQRRRIAcROMABdmlSYYKCz848Bdm5Kin3oodLTgBYgAVYgAVYgAUYsD4Bjpg6PMCAAQMWYAEWYAEWYMCAAQMGLMACLMA6Abi2oS1ZsAADBgwYMGABFmABFmDAgAEDBizAAizvQu9CCxZgwIABC7AAC7AACzBgwIABAxZgAZZ3oXehBVswYMCAAQuwAAuwAAswYMCABViABVjehd6FFmzBgAEDBizAAizAAgwYMGDAgAVYgAVYgAUYMGDAzgdYNwPr9gADFmABFmABFmABBqxnWt0s0Z2w2jkVAAAAAElFTkSuQmCC");

    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Committee_draws_checks_and_issues_a_notice_the_head_answers_and_the_committee_verifies()
    {
        var root = app.StartOnLoopback();
        var time = (SettableTimeProvider)app.Time;
        var actions = new AppActions(app.Services);
        await actions.ClosedQualityCaseAsync();
        await actions.ClosedQualityCaseAsync();
        time.Set(SlaCalendars.Mainland.At("2026-04-01 09:00"));

        var supervisor = await SignInAsync(root, "supervisor");
        await OpenAsync(supervisor, "/supervision/samples");
        // A negative seed is named on the field (not turned into 0) and the draw waits for a valid one.
        await supervisor.FillAsync(Field("seed"), "-5");
        await supervisor.Keyboard.PressAsync("Tab");
        await supervisor.Locator("[data-test=draw-form] .mud-input-helper-text.mud-input-error", new() { HasTextString = "随机种子须为 0 或以上的整数。" }).WaitForAsync();
        Assert.True(await supervisor.Locator("[data-test=draw-submit]").IsDisabledAsync());
        await supervisor.FillAsync(Field("seed"), "20260401");
        await supervisor.Keyboard.PressAsync("Tab");
        await supervisor.ClickAsync("[data-test=draw-submit]");
        // A draw binds the committee: the dialog says how it is undone, and March is over, so no open-period warning.
        var confirmDraw = supervisor.Locator(".mud-dialog", new() { HasTextString = "不能悄悄重抽" });
        await confirmDraw.WaitForAsync();
        Assert.Equal(0, await confirmDraw.Locator("[data-test=confirm-warning]").CountAsync());
        await WatchForAsync(supervisor, "[data-test=draw-working]");
        await confirmDraw.GetByRole(AriaRole.Button, new() { Name = "抽取样本" }).ClickAsync();
        // The new draw's page opens, with the outcome message and the cases drawn.
        var draw = supervisor.Locator("[data-test=draw][data-status=Active]");
        await draw.WaitForAsync();
        Assert.True(await SawAsync(supervisor), "the progress bar was drawn while drawing");
        Assert.Equal("20260401", await draw.GetAttributeAsync("data-seed"));
        await supervisor.Locator("[data-test=drawn-case]").Nth(1).WaitForAsync();
        Assert.Equal(2, await supervisor.Locator("[data-test=drawn-case]").CountAsync());
        Assert.True(await supervisor.Locator(".mud-snackbar").CountAsync() > 0);
        await Shot(supervisor, "supervision-1-draw.png");

        // Back on the list the draw leads the register; the form still names March, and says it has a draw before anyone clicks.
        await supervisor.ClickAsync("[data-test=back-to-draws]");
        // The draw's outcome message stays with the page it was about: following a link leaves it behind.
        await supervisor.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 3_000 });
        var drawn = supervisor.Locator("[data-test=period-has-draw]");
        await drawn.WaitForAsync();
        var listed = supervisor.Locator("[data-test=draw-register] [data-test=draw]").First;
        await listed.WaitForAsync();
        Assert.Equal(await listed.GetAttributeAsync("data-draw-id"), await drawn.GetAttributeAsync("data-draw-id"));
        Assert.Contains("2026年3月", await drawn.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await supervisor.Locator("[data-test=draw-submit]").IsDisabledAsync());
        await Shot(supervisor, "supervision-1-draws.png");

        await listed.ClickAsync();
        await supervisor.Locator("[data-test=open-check]").First.ClickAsync();
        await supervisor.Locator("[data-test=check-item]").First.WaitForAsync();
        await supervisor.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("True", await supervisor.GetAttributeAsync("[data-test=ledger-verification]", "data-intact"));
        // Submitted with nothing marked: each item says so on itself, and nothing is stored.
        await supervisor.ClickAsync("[data-test=complete-check]");
        await supervisor.Locator("[data-test=outcome-missing]").First.WaitForAsync();
        Assert.Equal(await supervisor.Locator("[data-test=check-item]").CountAsync(), await supervisor.Locator("[data-test=outcome-missing]").CountAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckResults.CountAsync()));
        // One item judged failed, then the rest marked as pass with one click: the failed one stays failed.
        var failed = supervisor.Locator("[data-test=check-item][data-item=RootCauseCredible]");
        await failed.Locator("[data-test=outcome-Fail]").ClickAsync();
        await supervisor.ClickAsync("[data-test=pass-unmarked]");
        await supervisor.WaitForFunctionAsync("() => document.querySelector('[data-test=pass-unmarked]').disabled");
        // Marked failed with no remark yet: the remark field says a failed item needs one.
        await failed.GetByText("不合格项须填写备注").First.WaitForAsync();
        Assert.Equal(0, await supervisor.Locator("[data-test=outcome-missing]").CountAsync());
        await failed.Locator(Field("remark")).FillAsync("原因分析只写“原材料”，没有检验数据");
        await failed.Locator("[data-test=responsible]").ClickAsync();
        await supervisor.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "质量部" }).ClickAsync();
        // The chosen department shows by name in the field.
        try
        {
            await supervisor.WaitForFunctionAsync(
                """
                () => [...document.querySelectorAll('[data-test=responsible]')].some(s => {
                    const field = s.closest('.mud-input-control') ?? s;
                    return s.value === '质量部' || [...field.querySelectorAll('input')].some(i => i.value === '质量部') || field.textContent.includes('质量部');
                })
                """, null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var html = await failed.Locator("[data-test=responsible]").EvaluateAsync<string>("s => (s.closest('.mud-input-control') ?? s).outerHTML");
            Assert.Fail("The chosen responsible department is not shown: " + html);
        }

        // 0 working days is kept as typed (not quietly made 1): the field says what it takes and the check waits.
        await supervisor.FillAsync(Field("working-days"), "0");
        await supervisor.Keyboard.PressAsync("Tab");
        await supervisor.Locator(".mud-input-helper-text.mud-input-error", new() { HasTextString = "请输入 1 至 60 之间的整数。" }).WaitForAsync();
        Assert.True(await supervisor.Locator("[data-test=complete-check]").IsDisabledAsync());
        await supervisor.FillAsync(Field("working-days"), "2");
        await supervisor.Keyboard.PressAsync("Tab");
        await Shot(supervisor, "supervision-2-check.png");
        await supervisor.ClickAsync("[data-test=complete-check]");
        await supervisor.Locator("[data-test=check-completed]").WaitForAsync();
        var outcomes = await app.WithDbAsync(db => db.CheckResults.Select(r => new { r.ItemCode, r.Outcome }).ToListAsync());
        Assert.Equal(["RootCauseCredible"], outcomes.Where(o => o.Outcome == CheckOutcome.Fail).Select(o => o.ItemCode));
        Assert.True(outcomes.Count > 1 && outcomes.All(o => o.ItemCode == "RootCauseCredible" || o.Outcome == CheckOutcome.Pass));
        var noticeId = await app.WithDbAsync(db => db.RectificationNotices.Select(n => n.Id).SingleAsync());
        // The page leads on to the member's other check, which opens with nothing marked (not the last check's answers).
        var title = await supervisor.Locator("[data-test=check-title]").TextContentAsync();
        var next = supervisor.Locator("[data-test=next-check]");
        Assert.Contains("还有 1 件", await next.TextContentAsync(), StringComparison.Ordinal);
        await next.ClickAsync();
        await supervisor.WaitForFunctionAsync("t => document.querySelector('[data-test=check-title]')?.textContent !== t", title);
        await supervisor.Locator("[data-test=check-item]").First.WaitForAsync();
        Assert.Equal(0, await supervisor.Locator("[data-test=check-item] input[type=radio]:checked").CountAsync());
        Assert.False(await supervisor.Locator("[data-test=pass-unmarked]").IsDisabledAsync());
        // With a check complete the draw stands: the form says so, and the draw offers no discard.
        await OpenAsync(supervisor, "/supervision/samples");
        Assert.Contains("已有抽查完成", await supervisor.Locator("[data-test=period-has-draw]").TextContentAsync(), StringComparison.Ordinal);
        await supervisor.ClickAsync("[data-test=open-active-draw]");
        await supervisor.Locator("[data-test=drawn-case][data-status=Completed]").WaitForAsync();
        Assert.Equal(0, await supervisor.Locator("[data-test=discard]").CountAsync());
        // The check still to do is ticked and given to the other member, whose open queue counts it at once.
        var colleague = await SignInAsync(root, "supervisor2");
        await OpenAsync(colleague, "/supervision/checks");
        await colleague.Locator("[data-test=check-tabs] .mud-tab", new() { HasTextString = "我的 (0)" }).WaitForAsync();
        await colleague.WaitForSelectorAsync("[data-test=notice-bell][data-live=true]");
        var unreadBefore = int.Parse(await colleague.GetAttributeAsync("[data-test=notice-bell]", "data-count") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        // The completed check shows no box to tick.
        Assert.False(await supervisor.Locator("[data-test=drawn-cases] label.mud-checkbox:has(input:disabled)").IsVisibleAsync());
        await supervisor.Locator("[data-test=drawn-cases] input[type=checkbox]:not([disabled])").CheckAsync();
        await supervisor.ClickAsync("[data-test=assign]");
        await supervisor.Locator("[data-test=assign-checker]").ClickAsync();
        await supervisor.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "监督小组 陈明" }).ClickAsync();
        await supervisor.ClickAsync("[data-test=assign-confirm]");
        await supervisor.Locator(".mud-snackbar", new() { HasTextString = "已将 1 件抽查分派给监督小组 陈明。" }).WaitForAsync();
        await colleague.Locator("[data-test=check-tabs] .mud-tab", new() { HasTextString = "我的 (1)" }).WaitForAsync();
        // The member's bell counts the checks given without a reload; its notice says who gave how many, and leads to the queue.
        await colleague.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{unreadBefore + 1}']");
        await supervisor.Locator("[data-test=drawn-case][data-status=Pending]").Locator("xpath=ancestor::tr").Locator("[data-test=checker]", new() { HasTextString = "监督小组 陈明" })
            .WaitForAsync();
        await Shot(supervisor, "supervision-1-assigned.png");
        await colleague.ClickAsync("[data-test=notice-bell]");
        var given = colleague.Locator("[data-test=notices] tr", new() { Has = colleague.Locator("[data-kind=ChecksAssigned]") });
        Assert.Contains("监督小组 吴静分派给您 1 件抽查", await given.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(colleague, "supervision-1-notice-given.png");
        await given.Locator("[data-draw]").ClickAsync();
        await colleague.WaitForURLAsync("**/supervision/checks");
        await colleague.Context.CloseAsync();

        // The quality department's live board shows the notice counting down, and drops it live once it is closed.
        var board = await SignInAsync(root, "handler.qa");
        await board.GotoAsync("/board");
        await board.Locator("[data-board][data-ready=true]").WaitForAsync();
        var onBoard = board.Locator($"[data-test=board-notices] [data-notice-id='{noticeId}'][data-status=Open]");
        await onBoard.WaitForAsync();
        await board.Locator("[data-test=board-notices] board-countdown[data-state=on-track]").WaitForAsync();
        await Shot(board, "supervision-3-board-notice.png");

        var head = await SignInAsync(root, "head.qa");
        await OpenAsync(head, "/supervision/to-answer");
        await head.Locator($"[data-test=to-answer] [data-test=notice-row][data-notice-id='{noticeId}']").WaitForAsync();
        await Shot(head, "supervision-4-to-answer.png");
        await OpenAsync(head, $"/supervision/notices/{noticeId}");
        // The finding names its item as worded on the checklist (what should hold) and says it failed; the case link names the case.
        Assert.Equal("不合格", (await head.Locator("[data-test=notice-findings] [data-test=finding-outcome]").First.TextContentAsync())!.Trim());
        Assert.Contains("KS-", await head.Locator("[data-test=notice-case]").TextContentAsync(), StringComparison.Ordinal);
        await head.FillAsync(Field("answer-cause", "textarea"), "仅凭经验判断，未做检验");
        await head.FillAsync(Field("answer-fix", "textarea"), "补做材料检验，报告 QA-2026-041 已存档");
        await head.SetInputFilesAsync("[data-test=evidence-picker] input[type=file]", new FilePayload { Name = "检验报告.png", MimeType = "image/png", Buffer = Png });
        await head.Locator("[data-test=staged-evidence]").WaitForAsync();
        await Shot(head, "supervision-5-answer.png");
        await head.ClickAsync("[data-test=answer-submit]");
        await head.Locator("[data-test=notice-status][data-status=Answered]").WaitForAsync();
        await board.Locator($"[data-test=board-notices] [data-notice-id='{noticeId}'][data-status=Answered]").WaitForAsync();

        // The committee's home page counts the answer to verify; its tile opens the register on the answered notices.
        await supervisor.GotoAsync("/");
        await supervisor.Locator("[data-test=layout-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await supervisor.ClickAsync("[data-tile=to-verify]");
        await supervisor.WaitForURLAsync("**/supervision/notices?show=answered");
        await supervisor.Locator($"[data-test=notice-table] [data-test=notice-row][data-notice-id='{noticeId}'][data-status=Answered]").WaitForAsync();
        Assert.Equal("已回复，待核实 (1)", (await supervisor.Locator(".mud-tab.mud-tab-active").TextContentAsync())!.Trim());
        await Shot(supervisor, "supervision-notices-register.png");
        await OpenAsync(supervisor, $"/supervision/notices/{noticeId}");
        await supervisor.ClickAsync("[data-test=notice-evidence] [data-evidence='检验报告.png']");
        var preview = supervisor.Locator("[data-test=notice-evidence-preview] img[data-test=preview-image]");
        await preview.WaitForAsync();
        await supervisor.WaitForFunctionAsync("() => document.querySelector('[data-test=notice-evidence-preview] img')?.naturalWidth > 0");
        await Shot(supervisor, "supervision-6-evidence-preview.png");
        await supervisor.Keyboard.PressAsync("Escape");
        await preview.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // Sending it back without a reason is stopped on the reason field; the notice stays answered.
        await supervisor.ClickAsync("[data-test=verify-return]");
        await supervisor.Locator("[data-test=verify-form]").GetByText("请写明退回原因").WaitForAsync();
        Assert.Equal(1, await supervisor.Locator("[data-test=notice-status][data-status=Answered]").CountAsync());
        await supervisor.ClickAsync("[data-test=verify-accept]");
        await supervisor.Locator("[data-test=notice-status][data-status=Closed]").WaitForAsync();
        await board.Locator("[data-test=board-notices]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(
            [SupervisionAction.NoticeIssued, SupervisionAction.NoticeAnswered, SupervisionAction.NoticeClosed],
            (await app.WithDbAsync(db => db.SupervisionLog.Where(e => e.SubjectId == noticeId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()))
                .Where(a => a.ToString().StartsWith("Notice", StringComparison.Ordinal)));
        await Shot(supervisor, "supervision-7-verified.png");

        await OpenAsync(supervisor, "/supervision/figures");
        // Publishing freezes the figures for good: a dialog says so first, and cancelling it publishes nothing.
        await supervisor.ClickAsync("[data-test=figures-publish]");
        var confirm = supervisor.Locator(".mud-dialog", new() { HasTextString = "不能再修改或撤回" });
        await confirm.WaitForAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await app.WithDbAsync(db => db.FiguresPublications.CountAsync()));
        await supervisor.ClickAsync("[data-test=figures-publish]");
        // Publishing works the figures out again (seconds at a million cases): its progress bar must reach the screen.
        await WatchForAsync(supervisor, "[data-test=figures-computing]");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "发布并冻结" }).ClickAsync();
        await supervisor.Locator("[data-test=figures-published]").WaitForAsync();
        Assert.True(await SawAsync(supervisor), "the progress bar was drawn while publishing");
        await supervisor.Locator("[data-test=figures-export]").WaitForAsync();
        await Snackbars.ShownAsync(supervisor);
        await Shot(supervisor, "supervision-8-figures.png");
        // On a phone the table of checklist items keeps its columns and scrolls with the items' names pinned.
        await supervisor.SetViewportSizeAsync(390, 844);
        await Layout.TablePinnedOnAPhoneAsync(supervisor, "figures-items", "左右滑动查看所有列");
        await supervisor.Locator("[data-test=figures-items]").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("supervision-8-figures-items-phone.png") });

        // A month later April is not published: the head opens on the latest published figures (March), the committee on April.
        // (Signed in afresh: a month on, the earlier sign-ins have expired.)
        time.Set(SlaCalendars.Mainland.At("2026-05-06 09:00"));
        head = await SignInAsync(root, "head.qa");
        supervisor = await SignInAsync(root, "supervisor");
        await OpenAsync(head, "/supervision/figures");
        await head.Locator("[data-test=figures-published]").WaitForAsync();
        Assert.Contains("2026年3月", await head.Locator("h2", new() { HasTextString = "2026" }).First.TextContentAsync(), StringComparison.Ordinal);
        await OpenAsync(supervisor, "/supervision/figures");
        await supervisor.Locator("[data-test=figures-live]").WaitForAsync();
        Assert.Contains("2026年4月", await supervisor.Locator("h2", new() { HasTextString = "2026" }).First.TextContentAsync(), StringComparison.Ordinal);
        await Shot(head, "supervision-9-head-figures.png");
    }

    /// <summary>
    /// From now on, notes whether <paramref name="selector"/> is ever added to the page: a progress bar that a slow handler
    /// draws after its confirmation dialog (Blazor draws a handler's page by itself only at its first pause, the dialog) is over
    /// in moments here. The added nodes are read from the observer's records, not from the page as it stands when the observer
    /// runs: with two cases to draw, the batch that removes the bar can arrive in the same browser task as the one that added it.
    /// </summary>
    private static Task WatchForAsync(IPage page, string selector) => page.EvaluateAsync("""
        selector => {
          window.portalSaw = false;
          const added = node => node.nodeType === Node.ELEMENT_NODE && (node.matches(selector) || !!node.querySelector(selector));
          new MutationObserver(records => {
            window.portalSaw ||= records.some(record => Array.from(record.addedNodes).some(added));
          }).observe(document.body, { childList: true, subtree: true });
        }
        """, selector);

    private static Task<bool> SawAsync(IPage page) => page.EvaluateAsync<bool>("() => window.portalSaw");

    public void Dispose() => app.Dispose();

    /// <summary>The input inside a MudBlazor field marked with data-test (or the input itself when the mark lands on it).</summary>
    private static string Field(string test, string element = "input") => $"[data-test={test}] {element}, {element}[data-test={test}]";

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>A full-page picture from the top (a scrolled page would draw its fixed app bar mid-page).</summary>
    private static async Task Shot(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath(name), FullPage = true });
    }

    private Task<IPage> SignInAsync(Uri root, string userName) =>
        PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = new() { Width = 1400, Height = 900 } });
}
