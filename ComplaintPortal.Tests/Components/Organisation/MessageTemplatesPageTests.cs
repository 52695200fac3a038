using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The message templates page: the organisation's templates, and an edit checked on the text field before it is saved.</summary>
public sealed class MessageTemplatesPageTests : CaseDatabaseTest
{
    [Fact]
    public async Task Templates_are_listed_in_words_and_an_edit_with_an_unknown_placeholder_is_refused_on_the_field_before_one_is_saved()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var first = await ctx.WithDbAsync(db => db.MessageTemplates.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Language).ThenBy(t => t.Channel).FirstAsync());
        var count = await ctx.WithDbAsync(db => db.MessageTemplates.CountAsync());
        var cut = ctx.RenderPage<MessageTemplates>();

        cut.WaitForElement("[data-test=edit-template]");
        Assert.Equal(Math.Min(count, 25), cut.FindAll("[data-test=edit-template]").Count);
        var grid = cut.Find("[data-test=templates]").TextContent;
        Assert.Contains("告知受理", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledgement", grid, StringComparison.Ordinal);

        cut.FindAll("[data-test=edit-template]")[0].Click();
        var body = cut.WaitForElement("[data-test=template-body]");
        Assert.Equal(first.Body, body.GetAttribute("value") ?? body.TextContent);
        cut.Find("[data-test=template-body]").Change("");
        cut.Find("[data-test=save-template]").Click();
        var empty = cut.Find("[data-test=template-body]").Closest(".mud-input-control")!.TextContent;
        cut.Find("[data-test=template-body]").Change("您的投诉 {CaseNumber} 已受理，{Unknown}");
        cut.Find("[data-test=save-template]").Click();
        // The typo is named, with the placeholders there are.
        cut.WaitForAssertion(() => Assert.Contains("没有占位符 {Unknown}。可用的占位符：{CaseNumber}、{PromisedDate}、{Department}、{CustomerName}。",
            cut.Find("[data-test=template-body]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        var afterRefusal = await ctx.WithDbAsync(db => db.MessageTemplates.AsNoTracking().Where(t => t.Id == first.Id).Select(t => t.Body).SingleAsync());
        cut.Find("[data-test=template-body]").Change("您的投诉 {CaseNumber} 已受理，我们将于 {PromisedDate} 前答复。");
        cut.Find("[data-test=save-template]").Click();

        Assert.Contains("必填", empty, StringComparison.Ordinal);
        Assert.Equal(first.Body, afterRefusal);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=template-dialog]")));
        Assert.Equal("您的投诉 {CaseNumber} 已受理，我们将于 {PromisedDate} 前答复。",
            await ctx.WithDbAsync(db => db.MessageTemplates.AsNoTracking().Where(t => t.Id == first.Id).Select(t => t.Body).SingleAsync()));
        cut.WaitForAssertion(() => Assert.Contains("我们将于 {PromisedDate} 前答复", cut.Find("[data-test=templates]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_saved_by_another_administrator_while_the_dialog_was_open_is_not_overwritten()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var first = await ctx.WithDbAsync(db => db.MessageTemplates.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Language).ThenBy(t => t.Channel).FirstAsync());
        var cut = ctx.RenderPage<MessageTemplates>();
        cut.WaitForElement("[data-test=edit-template]");
        cut.FindAll("[data-test=edit-template]")[0].Click();
        cut.WaitForElement("[data-test=template-body]");

        // Another administrator saves the same template meanwhile.
        Assert.Equal(Domain.Organisation.OrganisationError.None, await ctx.WithDbAsync(db => new Domain.Notifications.CustomerMessageBook(db, Driver.Time)
            .SaveAsync(first.Kind, first.Language, first.Channel, first.Subject, "另一位管理员的文本 {CaseNumber}", "admin2", first.Version)));
        cut.Find("[data-test=template-body]").Change("我的文本 {CaseNumber}");
        cut.Find("[data-test=save-template]").Click();

        cut.WaitForAssertion(() => Assert.Contains("其他管理员已同时保存了修改", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Equal("另一位管理员的文本 {CaseNumber}",
            await ctx.WithDbAsync(db => db.MessageTemplates.AsNoTracking().Where(t => t.Id == first.Id).Select(t => t.Body).SingleAsync()));
        cut.WaitForAssertion(() => Assert.Contains("另一位管理员的文本", cut.Find("[data-test=templates]").TextContent, StringComparison.Ordinal));
    }
}
