using System.Globalization;
using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Supervision;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web.Supervision;

/// <summary>The rectification notices' register on a real database: tabs with counts, countdowns, and changes arriving live.</summary>
public sealed class NoticeRegisterTests
{
    [Theory]
    [InlineData("zh-Hans", "全部 (5)", "已逾期 (2)", "已逾期 3小时0分", "待核实", "待部门整改 (2)")]
    [InlineData("en", "All (5)", "Overdue (2)", "overdue by 3 h 0 min", "waiting for verification", "Waiting for the department (2)")]
    public async Task The_committee_s_register_counts_each_state_shows_a_tab_s_notices_and_follows_an_answer_live(string culture, string allTab,
        string overdueTab, string overdueBy, string waiting, string openAfterAnswer)
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var issued = await s.IssueNoticesAsync(5);
        var signal = new RectificationNoticeSignal();
        var commit = new RectificationNoticeCommitSignal(signal);
        await using var ctx = Context(culture, s, signal, commit);
        await AccountAsync(s, s.Member, ctx);
        // The first answered, the second closed; three hours after the fourth's deadline (the fifth's came before it).
        s.SetLocal("2026-04-13 09:00");
        await AnswerAsync(s, commit, issued[0]);
        var answered = await AnswerAsync(s, commit, issued[1]);
        await s.WithAsync(db => s.Notices(db).VerifyAsync(issued[1].Id, answered.Version, accept: true, null, s.Member));
        s.Driver.Time.Set(issued[3].DueAt.AddHours(3));
        Assert.Equal(2, await s.WithAsync(db => new RectificationNoticeMonitor(db).RunOnceAsync(s.Driver.Time.GetUtcNow())));

        var register = ctx.Render<NoticeRegister>(p => p.Add(x => x.Tabs, true).Add(x => x.Filters, true)
            .Add(x => x.Names, Names(s)));

        register.WaitForAssertion(() => Assert.Equal(5, register.FindAll("[data-test=notice-row]").Count));
        var tabs = register.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(allTab, tabs[0]);
        Assert.Equal(overdueTab, tabs[2]);
        // Newest issued first in the tab of all notices.
        Assert.Equal(issued.Select(n => n.Id).Reverse(), Ids(register));
        Assert.Equal(waiting, register.Find($"div[data-notice-id='{issued[0].Id}'] [data-test=countdown]").TextContent.Trim());
        var late = register.Find($"[data-test=notice-row][data-notice-id='{issued[3].Id}']");
        Assert.Equal("True", late.GetAttribute("data-overdue"));
        Assert.Equal(overdueBy, register.Find($"div[data-notice-id='{issued[3].Id}'] [data-test=countdown]").TextContent.Trim());
        Assert.NotNull(register.Find($"div[data-notice-id='{issued[3].Id}'] [data-test=escalated]"));
        Assert.Equal("False", register.Find($"[data-test=notice-row][data-notice-id='{issued[0].Id}']").GetAttribute("data-overdue"));
        Assert.Equal($"/supervision/notices/{issued[3].Id}", late.GetAttribute("href"));
        // On a phone each notice is a card: every cell carries its column's title.
        var titles = register.FindAll("thead th").Select(th => th.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        var labels = register.Find("tbody tr").QuerySelectorAll("td").Select(td => td.GetAttribute("data-label") ?? "").Where(l => l.Length > 0).ToList();
        Assert.Equal(titles, labels);
        Assert.Equal(8, titles.Count);
        Assert.NotEmpty(register.FindAll("[data-test=notice-department-filter]"));

        // The overdue tab: the two past their deadline, the sooner due first.
        register.FindAll(".mud-tab")[2].Click();
        register.WaitForAssertion(() => Assert.Equal([issued[4].Id, issued[3].Id], Ids(register)));

        // Engineering's head answers the fourth: it leaves the tab, and the counts follow, with nothing reloaded by hand.
        await AnswerAsync(s, commit, issued[3]);
        register.WaitForAssertion(() => Assert.Equal([issued[4].Id], Ids(register)));
        register.WaitForAssertion(() => Assert.Equal(openAfterAnswer, register.FindAll(".mud-tab")[1].TextContent.Trim()));
    }

    [Fact]
    public async Task A_department_head_sees_only_their_department_s_notices_and_no_department_to_choose()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var issued = await s.IssueNoticesAsync(3);
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var signal = new RectificationNoticeSignal();
        await using var ctx = Context("zh-Hant", s, signal, new RectificationNoticeCommitSignal(signal));
        await AccountAsync(s, head, ctx);

        var register = ctx.Render<NoticeRegister>(p => p.Add(x => x.Tabs, true).Add(x => x.Filters, true).Add(x => x.Names, Names(s)));

        // Quality's are the first and the third; Engineering's second is not there.
        register.WaitForAssertion(() => Assert.Equal([issued[2].Id, issued[0].Id], Ids(register)));
        Assert.Equal("全部 (2)", register.FindAll(".mud-tab")[0].TextContent.Trim());
        // Their own department's on every line: neither a department column nor a department to choose.
        Assert.Equal(["案件", "狀態", "下發時間", "期限", "剩餘時間", "問題數", "退回次數"], register.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Empty(register.FindAll("[data-test=notice-department-filter]"));
        Assert.NotEmpty(register.FindAll("[data-test=notice-case-filter]"));
    }

    [Fact]
    public async Task An_empty_register_says_so()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var signal = new RectificationNoticeSignal();
        await using var ctx = Context("zh-Hant", s, signal, new RectificationNoticeCommitSignal(signal));
        await AccountAsync(s, s.Member, ctx);

        var register = ctx.Render<NoticeRegister>(p => p.Add(x => x.Names, Names(s)));

        register.WaitForAssertion(() => Assert.Equal("暫無整改通知。", register.Find("[data-test=no-notices]").TextContent.Trim()));
    }

    private static List<int> Ids(IRenderedComponent<NoticeRegister> register) =>
        register.FindAll("[data-test=notice-row]").Select(r => int.Parse(r.GetAttribute("data-notice-id")!, CultureInfo.InvariantCulture)).ToList();

    private static async Task<RectificationNotice> AnswerAsync(SupervisionScenario s, RectificationNoticeCommitSignal commit, RectificationNotice notice)
    {
        await using var db = s.Database.CreateContext(commit);
        var current = await db.RectificationNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id);
        var result = await new RectificationNotices(db, s.Driver.Time).AnswerAsync(notice.Id, current.Version, "原因", "措施", s.Driver.HeadOf(notice.DepartmentId));
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Value!;
    }

    /// <summary>The viewer's account (the register looks the viewer up by id) and their sign-in.</summary>
    private static async Task AccountAsync(SupervisionScenario s, ActingUser user, PortalComponentContext ctx)
    {
        await s.WithAsync(async db =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == user.UserId))
            {
                db.Users.Add(new PortalUser { Id = user.UserId, UserName = user.UserId, DisplayName = user.Name, DepartmentId = user.DepartmentId });
            }

            return await db.SaveChangesAsync();
        });
        ctx.SignIn(user.Name, [.. user.Roles]).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.UserId));
    }

    private static SupervisionNames Names(SupervisionScenario s) =>
        s.WithAsync(SupervisionNames.LoadAsync).GetAwaiter().GetResult();

    private static PortalComponentContext Context(string culture, SupervisionScenario s, RectificationNoticeSignal signal, RectificationNoticeCommitSignal commit) =>
        new(culture, services =>
        {
            services.AddScoped<PortalDbContext>(_ => s.Database.CreateContext(commit));
            services.AddScoped(sp => new RectificationNotices(sp.GetRequiredService<PortalDbContext>(), s.Driver.Time));
            services.AddScoped<CaseUsers>();
            services.AddSingleton(signal);
            services.AddSingleton(new OrganisationClock(s.Driver.Time, Options.Create(new OrganisationOptions())));
        });
}
