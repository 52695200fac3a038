using System.Text;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin.Calendars;
using ComplaintPortal.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Another_instances_recomputation_shows_with_its_progress_and_the_notice_clears_when_that_instance_is_done()
    {
        Driver.Time.Set(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
        await Driver.RegisterAsync();
        await using (var db = Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "admin", Driver.Time.GetUtcNow())).Succeeded);
            // Another instance of the portal has taken the calendar on, and said how far it is.
            var leases = new JobLeases(db);
            Assert.True(await leases.TryTakeAsync(ProvisionalRecomputeService.LeaseName, "server-b", string.Empty, null, Driver.Time.GetUtcNow(), TimeSpan.FromMinutes(1)));
            Assert.True(await leases.RenewAsync(ProvisionalRecomputeService.LeaseName, "server-b", Driver.Time.GetUtcNow(), TimeSpan.FromMinutes(1), "CN", 300, 1_787));
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(WorkingCalendarCache.Shared);
            services.AddScoped<WorkingCalendarBook>();
            services.AddSingleton<ProvisionalRecomputeService>();
        });
        ctx.SignInAs(new ActingUser("u-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator }));
        // Read every 100 ms here (5 s in the portal).
        ctx.Services.GetRequiredService<ProvisionalRecomputeService>().LeaseInterval = TimeSpan.FromMilliseconds(100);

        var page = ctx.RenderPage<Calendars>();

        var name = CalendarSeeds.ChinaMainland2026.Name;
        page.WaitForAssertion(() => Assert.Equal($"另一台服务器正在重新计算日历 CN（{name}）的暂定期限：已完成 300 / 1,787 件案件。",
            page.Find("[data-recompute=CN]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("true", page.Find("[data-recompute=CN]").GetAttribute("data-elsewhere"));
        Assert.Equal("300", page.Find("[data-recompute=CN] .mud-progress-linear").GetAttribute("aria-valuenow"));

        // That instance finishes: it marks the calendar done and gives the lease up; no event reaches this one.
        await using (var db = Database.CreateContext())
        {
            await db.WorkingCalendars.Where(c => c.Code == "CN").ExecuteUpdateAsync(set => set.SetProperty(c => c.RecomputedStamp, c => c.Stamp));
            await new JobLeases(db).ReleaseAsync(ProvisionalRecomputeService.LeaseName, "server-b");
        }

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-recompute]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_calendar_saved_through_another_instance_shows_up_on_the_open_page_by_itself()
    {
        Driver.Time.Set(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(WorkingCalendarCache.Shared);
            services.AddScoped<WorkingCalendarBook>();
            services.AddSingleton<ProvisionalRecomputeService>();
        });
        ctx.SignInAs(new ActingUser("u-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator }));
        ctx.Services.GetRequiredService<ProvisionalRecomputeService>().LeaseInterval = TimeSpan.FromMilliseconds(100);
        var page = ctx.RenderPage<Calendars>();
        page.WaitForElement("[data-test=calendars]");
        Assert.Empty(page.FindAll("[data-recompute]"));

        // Another instance saves the calendar; no event reaches this one.
        await using (var db = Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "admin", Driver.Time.GetUtcNow())).Succeeded);
        }

        var name = CalendarSeeds.ChinaMainland2026.Name;
        page.WaitForAssertion(() => Assert.Equal($"日历 CN（{name}）的暂定期限即将重新计算。", page.Find("[data-recompute=CN]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
    }
}
