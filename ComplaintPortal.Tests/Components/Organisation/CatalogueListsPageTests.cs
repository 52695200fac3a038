using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The solution types and cause categories page: a cause added (its code refused on the field first), one retired, and the log in words.</summary>
public sealed class CatalogueListsPageTests : CaseDatabaseTest
{
    [Fact]
    public async Task The_administrator_adds_a_cause_after_a_refused_code_retires_another_and_the_log_says_so_in_words()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var cut = ctx.RenderPage<CatalogueLists>();
        cut.WaitForAssertion(() => Assert.Equal(["解决方案类型", "原因类别"], cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim())));
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "原因类别").Click();
        var causes = cut.WaitForElement("[data-test=catalogue-CauseCategory]");
        cut.WaitForAssertion(() => Assert.Contains("沟通不畅", cut.Find("[data-test=catalogue-CauseCategory]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("CauseCategory", causes.TextContent, StringComparison.Ordinal);

        cut.Find("[data-test=catalogue-CauseCategory]").Closest(".mud-tabs-panels")!.QuerySelector("[data-test=catalogue-add]")!.Click();
        cut.WaitForElement("[data-test=catalogue-code]").Input("supplier late");
        cut.Find("[data-test=catalogue-name-zh-hans]").Input("供应商交期延误");
        cut.Find("[data-test=catalogue-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("只能使用字母、数字及 _ . -", cut.Find("[data-test=catalogue-code]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        cut.Find("[data-test=catalogue-code]").Input("supplier-late");
        cut.Find("[data-test=catalogue-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("已新增 SUPPLIER-LATE，排在列表末尾。", cut.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-test=catalogue-CauseCategory]").QuerySelector("[data-code=SUPPLIER-LATE]")));
        Assert.Equal("供应商交期延误", await ctx.WithDbAsync(db => db.CauseCategories.AsNoTracking().Where(c => c.Code == "SUPPLIER-LATE").Select(c => c.NameZhHans).SingleAsync()));

        // Retire 沟通不畅: it says so in its row and leaves the list of those offered.
        var row = cut.FindAll("[data-test=catalogue-CauseCategory] tbody tr").Single(r => r.QuerySelector("[data-code=COMMUNICATION]") is not null);
        row.QuerySelector("[data-test=catalogue-edit]")!.Click();
        cut.WaitForElement("input[type=checkbox][data-test=catalogue-active], [data-test=catalogue-active] input[type=checkbox]").Change(false);
        cut.Find("[data-test=catalogue-submit]").Click();
        cut.WaitForAssertion(() => Assert.Contains("已停用",
            cut.FindAll("[data-test=catalogue-CauseCategory] tbody tr").Single(r => r.QuerySelector("[data-code=COMMUNICATION]") is not null).TextContent,
            StringComparison.Ordinal));
        Assert.False(await ctx.WithDbAsync(db => db.CauseCategories.AsNoTracking().Where(c => c.Code == "COMMUNICATION").Select(c => c.IsActive).SingleAsync()));

        // The organisation's log names the changes in words.
        await using var logPage = OrganisationPageContext.Administrator(Database, Driver);
        var log = logPage.RenderPage<OrganisationLog>();
        log.WaitForAssertion(() => Assert.Contains("新增，名称：供应商交期延误", log.Markup, StringComparison.Ordinal));
        Assert.Contains("停用", log.Markup, StringComparison.Ordinal);
        Assert.Contains("原因类别", log.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("added; names", log.Markup, StringComparison.Ordinal);
    }
}
