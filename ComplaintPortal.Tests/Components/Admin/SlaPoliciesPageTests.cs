using Bunit;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin.TimeLimits;
using ComplaintPortal.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Admin;

/// <summary>The time-limit and calendar pages over a real, freshly set-up database names calendars and the set-up in words, not by code or account id.</summary>
public sealed class SlaPoliciesPageTests : CaseDatabaseTest
{
    /// <summary>An administrator's account whose sign-in name and id differ from the name people know them by.</summary>
    private async Task AdministratorAsync()
    {
        await using var db = Database.CreateContext();
        db.Users.Add(new PortalUser { Id = "u-sla-admin", UserName = "sla.admin", NormalizedUserName = "SLA.ADMIN", DisplayName = "系统管理员 周敏" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Changes_made_by_a_person_name_the_person_not_the_account()
    {
        var admin = new ActingUser("u-sla-admin", "系统管理员 周敏", null, new HashSet<string> { PortalRoles.Administrator });
        await AdministratorAsync();
        await using (var db = Database.CreateContext())
        {
            var policy = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            // The time-limit log keeps the account id (and the sign-in name); the calendars keep the sign-in name.
            db.SlaPolicyChanges.Add(new SlaPolicyChange(policy.Id, "u-sla-admin", "sla.admin", Driver.Time.GetUtcNow().AddYears(1), policy.Summary(), policy.Summary()));
            var calendar = await db.WorkingCalendars.FirstAsync(c => c.Code == CalendarSeeds.ChinaMainland2026.Code);
            calendar.Replace(calendar.Definition, "sla.admin", Driver.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        CasePageContext Context()
        {
            var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
            {
                services.AddSingleton<WorkingCalendarCache>();
                services.AddScoped<WorkingCalendarBook>();
                services.AddScoped<SlaPolicyBook>();
                services.AddSingleton<ProvisionalRecomputeService>();
            });
            ctx.SignInAs(admin);
            return ctx;
        }

        await using var policiesContext = Context();
        var policies = policiesContext.RenderPage<SlaPolicies>();
        policies.WaitForAssertion(() => Assert.Equal("系统管理员 周敏", policies.FindAll("[data-test=log-who]").First().TextContent.Trim()));
        Assert.DoesNotContain("sla.admin", policies.Markup, StringComparison.Ordinal);

        await using var calendarsContext = Context();
        var calendars = calendarsContext.RenderPage<ComplaintPortal.Web.Features.Admin.Calendars.Calendars>();
        calendars.WaitForAssertion(() => Assert.Contains("系统管理员 周敏", calendars.FindAll("[data-test=calendar-changed-by]").Select(c => c.TextContent.Trim())));
        Assert.DoesNotContain("sla.admin", calendars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_name_their_calendar_and_the_change_log_names_the_set_up_in_words()
    {
        var admin = new ActingUser("u-sla-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator });
        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton<WorkingCalendarCache>();
            services.AddScoped<WorkingCalendarBook>();
            services.AddScoped<SlaPolicyBook>();
        });
        ctx.SignInAs(admin);

        var page = ctx.RenderPage<SlaPolicies>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=policy-calendar]")));
        var calendars = page.FindAll("[data-test=policy-calendar]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(CalendarSeeds.ChinaMainland2026.Name, calendars);
        Assert.DoesNotContain(CalendarSeeds.ChinaMainland2026.Code, calendars);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=log-who]")));
        Assert.All(page.FindAll("[data-test=log-who]"), w => Assert.Equal("系统（初始化）", w.TextContent.Trim()));
        Assert.All(page.FindAll("[data-test=log-after]"), a => Assert.StartsWith("日历：", a.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains(page.FindAll("[data-test=log-after]"), a => a.TextContent.Contains(CalendarSeeds.ChinaMainland2026.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calendars_made_at_set_up_say_so_in_words_not_by_the_account_id()
    {
        var admin = new ActingUser("u-sla-admin", "系统管理员", null, new HashSet<string> { PortalRoles.Administrator });
        await using var ctx = new CasePageContext("zh-Hant", Database, Driver, more: services =>
        {
            services.AddSingleton<WorkingCalendarCache>();
            services.AddScoped<WorkingCalendarBook>();
            services.AddSingleton<ProvisionalRecomputeService>();
        });
        ctx.SignInAs(admin);

        var page = ctx.RenderPage<ComplaintPortal.Web.Features.Admin.Calendars.Calendars>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=calendar-changed-by]")));
        Assert.All(page.FindAll("[data-test=calendar-changed-by]"), w => Assert.Equal("系統（初始化）", w.TextContent.Trim()));
    }
}
