using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// The search page's kept searches (常用查询): the search shown is kept under a name given in a dialog that says what is wrong on
/// the field, runs again in one click with its order, and is removed only after a question.
/// </summary>
public sealed class SavedSearchPageTests : CasePageTest
{
    private static void Confirm(IRenderedComponent<IComponent> page, string button) =>
        page.WaitForElement(".mud-dialog .mud-dialog-actions").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == button).Click();

    // The chip's × sits beside it in the chip's container.
    private static void Remove(IRenderedComponent<IComponent> page, string name) =>
        page.Find($"[data-saved='{name}']").Closest(".mud-chip-container")!.QuerySelector(".mud-chip-close-button")!.Click();

    [Fact]
    public async Task A_search_kept_under_a_name_runs_again_in_one_click_with_its_order_and_is_removed_after_a_question()
    {
        var ctx = Open();
        var (first, second, navigation) = await TwoCasesForTheClerkAsync(ctx);

        // Nothing asked: nothing to keep.
        var cut = ctx.RenderPage<Search>();
        cut.WaitForAssertion(() => Assert.Equal(2, CaseNumbersShown(cut).Count));
        Assert.True(cut.Find("[data-test=save-search]").HasAttribute("disabled"));

        navigation.NavigateTo("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=-number");
        cut.WaitForAssertion(() => Assert.Equal([second.CaseNumber, first.CaseNumber], CaseNumbersShown(cut)));
        cut.Find("[data-test=save-search]").Click();
        var dialog = cut.WaitForElement("[data-test=save-search-dialog]");
        // The dialog says what it keeps, the order too.
        Assert.Equal("案件编号、电话或姓名：漏电；排序：案件编号（降序）", cut.Find("[data-test=save-search-what]").TextContent.Trim());

        // No name: said on the field, and the dialog stays.
        cut.Find("[data-test=save-search-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Contains("请为此查询填写名称", cut.Find("[data-test=save-search-dialog]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-test=save-search-name]").Input(" 漏电（新到的在前） ");
        cut.Find("[data-test=save-search-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=save-search-dialog]")));

        // Kept, marked as the search shown, and not to be kept twice.
        var chip = cut.WaitForElement("[data-saved='漏电（新到的在前）']");
        Assert.Equal("true", chip.GetAttribute("aria-current"));
        Assert.True(cut.Find("[data-test=save-search]").HasAttribute("disabled"));
        Assert.Equal("已保存为常用查询“漏电（新到的在前）”", cut.Find("[data-test=save-search-hint]").GetAttribute("title"));
        var kept = await ctx.WithDbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync());
        Assert.Equal((Driver.Clerk.UserId, "?q=%E6%BC%8F%E7%94%B5&sort=-number"), (kept.UserId, kept.Query));

        // Another search; the kept one runs again with its words and its order.
        navigation.NavigateTo("/cases/search?q=" + first.CaseNumber);
        cut.WaitForAssertion(() => Assert.Equal([first.CaseNumber], CaseNumbersShown(cut)));
        Assert.Null(cut.Find("[data-saved='漏电（新到的在前）']").GetAttribute("aria-current"));
        cut.Find("[data-saved='漏电（新到的在前）']").Click();
        cut.WaitForAssertion(() => Assert.Equal([second.CaseNumber, first.CaseNumber], CaseNumbersShown(cut)));
        Assert.EndsWith("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=-number", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("漏电", cut.Find("[data-test=search-text]").GetAttribute("value"));
        Assert.Equal("descending", cut.Find("[data-test=case-table] thead th").GetAttribute("aria-sort"));

        // Removing asks first; cancelled, it stays.
        Remove(cut, "漏电（新到的在前）");
        Assert.Contains("删除后无法恢复", cut.WaitForElement(".mud-dialog").TextContent, StringComparison.Ordinal);
        Confirm(cut, "取消");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Single(cut.FindAll("[data-saved]"));
        Remove(cut, "漏电（新到的在前）");
        Confirm(cut, "删除");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-saved]")));
        Assert.Equal(0, await ctx.WithDbAsync(db => db.SavedSearches.CountAsync()));
    }

    [Fact]
    public async Task A_name_already_kept_is_said_on_the_field_and_only_the_owner_sees_their_searches()
    {
        var ctx = Open("zh-Hant");
        await Driver.RegisterAsync();
        await using (var db = Database.CreateContext())
        {
            db.SavedSearches.Add(new SavedSearch(Driver.Clerk.UserId, "漏電", "?q=1", Driver.Time.GetUtcNow()));
            db.SavedSearches.Add(new SavedSearch(Driver.Leader.UserId, "領導的查詢", "?q=2", Driver.Time.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        ctx.SignInAs(Driver.Clerk);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=%E6%BC%8F%E7%94%B5");
        var cut = ctx.RenderPage<Search>();
        cut.WaitForElement("[data-saved='漏電']");
        Assert.Empty(cut.FindAll("[data-saved='領導的查詢']"));
        Assert.Contains("常用查詢", cut.Find("[data-test=saved-searches]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-test=save-search]").Click();
        cut.WaitForElement("[data-test=save-search-name]").Input("漏電");
        cut.Find("[data-test=save-search-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("您已有同名的常用查詢", cut.Find("[data-test=save-search-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, await ctx.WithDbAsync(db => db.SavedSearches.CountAsync()));
    }

    [Fact]
    public async Task In_english_the_dialog_says_what_it_keeps_in_english_punctuation()
    {
        var ctx = Open("en");
        await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Clerk);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=leak&sort=due");
        var cut = ctx.RenderPage<Search>();
        cut.WaitForElement("[data-test=case-table]");

        cut.Find("[data-test=save-search]").Click();

        Assert.Equal("Case number, phone or name: leak; Sorted by: Next deadline, ascending",
            cut.WaitForElement("[data-test=save-search-what]").TextContent.Trim());
        Assert.Equal("Save this search", cut.Find(".mud-dialog h2").TextContent.Trim());
    }
}
