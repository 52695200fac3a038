using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Notices;

/// <summary>The notices page's switch for notice mail: on with an address (kept with the reader's language), off again; never without one.</summary>
public sealed class NoticeMailSwitchTests : CasePageTest
{
    private async Task AddressAsync(string userId, string? email)
    {
        await using var db = Database.CreateContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email));
    }

    private async Task<(bool On, string? Language)> KeptAsync(string userId)
    {
        await using var db = Database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => new ValueTuple<bool, string?>(u.MailNotices, u.Language)).SingleAsync();
    }

    [Fact]
    public async Task A_handler_with_an_address_switches_notice_mail_on_in_their_language_and_off_again()
    {
        var ctx = Open("zh-Hant");
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        await AddressAsync(handler.UserId, "li.qiang@example.com");
        ctx.SignInAs(handler);

        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        Assert.Contains("li.qiang@example.com", cut.WaitForElement("[data-test=notice-mail-help]").TextContent, StringComparison.Ordinal);
        var input = cut.Find("[data-test=notice-mail] input[type=checkbox]");
        Assert.False(input.HasAttribute("disabled"));
        await cut.InvokeAsync(() => input.Change(true));
        cut.WaitForAssertion(() => Assert.Contains("新通知將同時發送到 li.qiang@example.com", cut.Markup, StringComparison.Ordinal));
        Assert.Equal((true, "zh-Hant"), await KeptAsync(handler.UserId));

        await cut.InvokeAsync(() => cut.Find("[data-test=notice-mail] input[type=checkbox]").Change(false));
        cut.WaitForAssertion(() => Assert.Contains("通知不再發送到郵箱", cut.Markup, StringComparison.Ordinal));
        Assert.Equal((false, "zh-Hant"), await KeptAsync(handler.UserId));
    }

    [Fact]
    public async Task Without_an_address_the_switch_is_off_and_says_whom_to_ask()
    {
        var ctx = Open();
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await AddressAsync(head.UserId, null);
        ctx.SignInAs(head);

        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        Assert.Equal("您的账户没有邮箱地址，请联系管理员添加。", cut.WaitForElement("[data-test=notice-mail-help]").TextContent.Trim());
        Assert.True(cut.Find("[data-test=notice-mail] input[type=checkbox]").HasAttribute("disabled"));
        Assert.False((await KeptAsync(head.UserId)).On);
    }

    [Fact]
    public async Task Mail_left_on_after_the_address_was_removed_can_still_be_switched_off()
    {
        var ctx = Open();
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await AddressAsync(head.UserId, "zhang.min@example.com");
        await using (var db = Database.CreateContext())
        {
            Assert.True(await new ComplaintPortal.Domain.Notifications.NoticeMailing(db).SwitchAsync(head.UserId, on: true, "zh-Hans"));
        }

        await AddressAsync(head.UserId, null);
        ctx.SignInAs(head);

        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var input = cut.WaitForElement("[data-test=notice-mail] input[type=checkbox]");
        Assert.False(input.HasAttribute("disabled"));
        await cut.InvokeAsync(() => input.Change(false));
        cut.WaitForAssertion(() => Assert.Contains("通知不再发送到邮箱", cut.Markup, StringComparison.Ordinal));
        Assert.False((await KeptAsync(head.UserId)).On);
    }
}
