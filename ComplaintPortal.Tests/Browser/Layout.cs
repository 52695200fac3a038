using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>Measures of how a page lays out that several walks take: what a frame holds against its width.</summary>
public static class Layout
{
    /// <summary>The width of what a frame holds (its scroll width) and of the frame itself.</summary>
    public static async Task<(double Content, double Frame)> WidthsAsync(ILocator frame)
    {
        var widths = await frame.EvaluateAsync<double[]>("f => [f.scrollWidth, f.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>
    /// What a person would see laid out wrong on the page shown, each found named after <paramref name="where"/>: the page
    /// scrolling sideways (or, on a phone, laid out wider than the screen and shown shrunk); a table or grid scrolling sideways in its frame (save the figures tables made to, whose first
    /// column stays pinned meanwhile); a button's or chip's words on more than one line; a case, file or request number
    /// broken over lines; text running past the edge of its card; a table cell laid out apart from its row. Only what can be seen counts (not the inside of a closed panel).
    /// </summary>
    public static async Task<IReadOnlyList<string>> LaidOutWrongAsync(IPage page, string where)
    {
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const out = [];
              const seen = e => e.checkVisibility() && [...ancestors(e)].every(a => getComputedStyle(a).overflow === 'visible' || a.clientHeight > 0);
              function* ancestors(e) { for (let a = e.parentElement; a; a = a.parentElement) yield a; }
              if (document.scrollingElement.scrollWidth > innerWidth) out.push('the page scrolls sideways');
              // A phone does not scroll a page wider than its screen: it lays the page out wider and shows it shrunk.
              if (innerWidth > screen.width + 1) out.push(`the page is laid out ${innerWidth} px wide on a ${screen.width} px screen`);
              for (const f of document.querySelectorAll('.mud-table-container')) {
                if (!seen(f) || f.scrollWidth <= f.clientWidth + 1) continue;
                const swipes = f.closest('.portal-swipe-table, .portal-report-grid');
                const first = f.querySelector('tbody tr > :first-child');
                if (swipes && first && getComputedStyle(first).position === 'sticky') continue;
                const name = f.closest('[data-test]')?.dataset.test ?? 'a table';
                out.push(`${name} scrolls sideways (${f.scrollWidth} px in ${f.clientWidth})`);
              }
              // A cell laid out as a box of its own (a flex cell, say) in a row of table cells does not take the row's height:
              // its borders and hover stop short of the row's.
              for (const tr of document.querySelectorAll('tbody tr')) {
                if (!seen(tr)) continue;
                const kinds = [...tr.children].map(td => getComputedStyle(td).display);
                if (kinds.includes('table-cell') && kinds.some(k => k !== 'table-cell' && k !== 'none')) {
                  out.push(`a row of ${tr.closest('[data-test]')?.dataset.test ?? 'a table'} has a cell apart from the row`);
                }
              }
              for (const e of document.querySelectorAll('.mud-button-label, .mud-chip-content')) {
                if (e.offsetParent === null) continue;
                const tops = [], walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (!n.textContent.trim()) continue;
                  const range = document.createRange();
                  range.selectNodeContents(n);
                  for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
                }
                if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4) out.push(`"${e.textContent.trim()}" wraps`);
              }
              // A case, file or request number (KS-2026-000044, DA-2026-000001, CY-000001) is one thing to a reader: never
              // broken over lines at its hyphens.
              const numbers = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = numbers.nextNode(); n; n = numbers.nextNode()) {
                for (const m of n.textContent.matchAll(/[A-Z]{2}-(?:\d{4}-)?\d{6}/g)) {
                  const range = document.createRange();
                  range.setStart(n, m.index);
                  range.setEnd(n, m.index + m[0].length);
                  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (tops.size > 1 && seen(n.parentElement)) out.push(`${m[0]} is broken over ${tops.size} lines`);
                }
              }
              // Text past its card's right edge; scrolling frames, badges, input adornments and popovers are their own business.
              for (const card of document.querySelectorAll('.mud-paper, .mud-card')) {
                if (card.offsetParent === null) continue;
                const edge = card.getBoundingClientRect().right;
                const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const host = n.parentElement;
                  if (!n.textContent.trim() || host.closest('.mud-table-container, .portal-swipe-table, .portal-chart-scroll, .mud-badge-wrapper, .mud-input-adornment, .mud-popover')) continue;
                  // Text cut short within a box of its own (with its "…") is not past the card.
                  if ([host, ...ancestors(host)].some(a => card.contains(a) && getComputedStyle(a).overflowX !== 'visible')) continue;
                  const range = document.createRange();
                  range.selectNodeContents(n);
                  const right = Math.max(...[...range.getClientRects()].map(r => r.right));
                  if (right > edge + 2 && seen(host)) out.push(`"${n.textContent.trim().slice(0, 30)}" runs ${Math.round(right - edge)} px past its card`);
                }
              }
              return [...new Set(out)];
            }
            """);
        return found.Select(what => $"{where}: {what}").ToList();
    }

    /// <summary>
    /// A table of figures wider than the phone: a hint over it says so in <paramref name="hint"/>'s words, and scrolled to
    /// its last column the rows' names stay pinned at its frame's left edge, so a figure is still read against its row.
    /// </summary>
    public static async Task TablePinnedOnAPhoneAsync(IPage page, string table, string hint)
    {
        var said = page.Locator($"[data-test={table}]").Locator("xpath=preceding-sibling::*[@data-test='table-swipe-hint'][1]");
        Assert.Equal(hint, (await said.InnerTextAsync()).Trim());
        var pinned = await page.Locator($"[data-test={table}] .mud-table-container").EvaluateAsync<double[]>(
            """
            async f => {
              const width = [f.scrollWidth, f.clientWidth];
              f.scrollLeft = f.scrollWidth;
              await new Promise(r => requestAnimationFrame(r));
              const left = f.getBoundingClientRect().left;
              const names = [...f.querySelectorAll('tr > :first-child')].map(c => Math.abs(c.getBoundingClientRect().left - left));
              const last = f.querySelector('thead th:last-child').getBoundingClientRect().right;
              return [...width, Math.max(...names), last - f.getBoundingClientRect().right];
            }
            """);
        Assert.True(pinned[0] > pinned[1], $"{table}: {pinned[0]} px of columns in a frame {pinned[1]} px wide");
        Assert.True(pinned[2] < 1, $"{table}: a row's name moved {pinned[2]:0.#} px from the frame's edge when scrolled");
        Assert.True(pinned[3] <= 1, $"{table}: the last column ends {pinned[3]:0.#} px past the frame scrolled to its end");
    }
}
