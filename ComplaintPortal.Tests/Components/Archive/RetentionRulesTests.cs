using Bunit;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The retention page keeps the years as typed and says on the field what the book takes; nothing is saved until they are right.</summary>
public sealed class RetentionRulesTests : CaseDatabaseTest
{
    private readonly ActingUser admin = new("u-retention-admin", "管理员 周敏", null, new HashSet<string> { PortalRoles.Administrator });

    [Fact]
    public async Task Years_out_of_range_or_important_shorter_than_general_are_named_on_the_field_and_nothing_is_saved()
    {
        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services => services.AddScoped<RetentionBook>());
        ctx.SignInAs(admin);
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = admin.UserId, UserName = "retention.admin", DisplayName = admin.Name });
            await db.SaveChangesAsync();
        }

        var page = ctx.RenderPage<RetentionRules>();
        var row = page.WaitForElement("[data-test=retention-row]:not([data-category])");
        Assert.False(row.QuerySelector("[data-test=save-retention]")!.HasAttribute("disabled"));

        // 0 years is kept as typed (a clamping field would have made it 1) and the field says what it takes.
        page.Find("[data-test=retention-row]:not([data-category]) input[data-test=general-years]").Change("0");
        page.WaitForAssertion(() => Assert.Contains("请输入 1 至 100 之间的整数。",
            page.Find("[data-test=retention-row]:not([data-category]) .mud-input-helper-text.mud-input-error").TextContent));
        Assert.Equal("0", page.Find("[data-test=retention-row]:not([data-category]) input[data-test=general-years]").GetAttribute("value"));
        Assert.True(page.Find("[data-test=retention-row]:not([data-category]) [data-test=save-retention]").HasAttribute("disabled"));

        // Raising the general years past the important ones (10) names it on the important field at once, with the
        // general years; still nothing to save.
        page.Find("[data-test=retention-row]:not([data-category]) input[data-test=general-years]").Change("30");
        page.WaitForAssertion(() => Assert.Contains("重要档案的保管期限不得短于一般档案（30 年）。",
            page.Find("[data-test=retention-row]:not([data-category]) .mud-input-helper-text.mud-input-error").TextContent));
        Assert.True(page.Find("[data-test=retention-row]:not([data-category]) [data-test=save-retention]").HasAttribute("disabled"));
        Assert.Equal(0, await ctx.WithDbAsync(db => db.RetentionRuleChanges.CountAsync()));

        // Put right, the row saves and the change is logged.
        page.Find("[data-test=retention-row]:not([data-category]) input[data-test=important-years]").Change("30");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-test=retention-row]:not([data-category]) [data-test=save-retention]").HasAttribute("disabled")));
        await page.Find("[data-test=retention-row]:not([data-category]) [data-test=save-retention]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-test=retention-changes] tbody tr")));
        var change = await ctx.WithDbAsync(db => db.RetentionRuleChanges.SingleAsync());
        Assert.Equal((30, 30), (change.NewGeneralYears, change.NewImportantYears));
    }
    [Fact]
    public async Task Shortening_a_period_asks_first_naming_both_periods_and_cancelling_saves_nothing()
    {
        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services => services.AddScoped<RetentionBook>());
        ctx.SignInAs(admin);
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = admin.UserId, UserName = "retention.admin", DisplayName = admin.Name });
            await db.SaveChangesAsync();
        }

        var page = ctx.RenderPage<RetentionRules>();
        page.WaitForElement("[data-test=retention-no-changes]");
        const string Default = "[data-test=retention-row]:not([data-category])";
        var before = page.Find($"{Default} input[data-test=general-years]").GetAttribute("value");
        page.Find($"{Default} input[data-test=general-years]").Change("1");
        // Click, not ClickAsync: the handler waits for the dialog's answer, which the test gives next.
        page.Find($"{Default} [data-test=save-retention]").Click();

        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains($"由 {before}／", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("改为 1／", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("销毁仍须领导批准", dialog.TextContent, StringComparison.Ordinal);
        dialog.QuerySelectorAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "取消").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Equal(0, await ctx.WithDbAsync(db => db.RetentionRuleChanges.CountAsync()));

        // Click, not ClickAsync: the handler waits for the dialog's answer, which the test gives next.
        page.Find($"{Default} [data-test=save-retention]").Click();
        page.WaitForElement(".mud-dialog .mud-dialog-actions").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "缩短保管期限").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-test=retention-changes] tbody tr:not(:has([data-test=retention-no-changes]))")));
        Assert.Equal(1, (await ctx.WithDbAsync(db => db.RetentionRuleChanges.SingleAsync())).NewGeneralYears);
    }
}
