using System.Text;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin.Calendars;
using ComplaintPortal.Web.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Admin;

/// <summary>
/// A saved calendar's provisional deadlines are re-computed in the background: the calendars page says which calendar waits,
/// how far its re-computation is, and drops the notice by itself once it is done.
/// </summary>
public sealed class CalendarRecomputeProgressTests : CaseDatabaseTest
{
    [Fact]
    public async Task The_calendars_page_shows_a_waiting_calendar_its_progress_in_cases_and_clears_when_done()
    {
        Driver.Time.Set(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 2; i++)
        {
            await Driver.RegisterAsync();
        }

        await using (var db = Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-14,work,春节调休上班\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "admin", Driver.Time.GetUtcNow())).Succeeded);
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(WorkingCalendarCache.Shared);
            services.AddScoped<WorkingCalendarBook>();
            services.AddSingleton<ProvisionalRecomputeService>();
        });
        ctx.SignInAs(new ActingUser("u-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator }));
        var service = ctx.Services.GetRequiredService<ProvisionalRecomputeService>();

        var page = ctx.RenderPage<Calendars>();

        var name = CalendarSeeds.ChinaMainland2026.Name;
        page.WaitForAssertion(() => Assert.Equal($"日历 CN（{name}）的暂定期限即将重新计算。", page.Find("[data-recompute=CN]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-recompute=TW]"));

        // The service reports from its own thread, whose language is not the administrator's.
        await Task.Run(() =>
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            ((IProgress<ProvisionalProgress>)service).Report(new("CN", 1_200, 1_787));
        });
        page.WaitForAssertion(() => Assert.StartsWith($"正在重新计算日历 CN（{name}）的暂定期限：已完成 1,200 / 1,787 件案件。",
            page.Find("[data-recompute=CN]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("1200", page.Find("[data-recompute=CN] .mud-progress-linear").GetAttribute("aria-valuenow"));

        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ProvisionalDeadlines(db, WorkingCalendarCache.Shared).RecomputePendingAsync(Driver.Time.GetUtcNow(), service));
        }

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-recompute]")));
        Assert.Empty(service.Progress);
    }
}
