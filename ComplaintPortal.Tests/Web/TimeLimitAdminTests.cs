using System.Net;
using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin.Calendars;
using ComplaintPortal.Web.Features.Admin.TimeLimits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// What the calendar and time-limit pages do with what an administrator enters: the page's form objects and
/// messages, saved through the portal's own services on its database.
/// </summary>
public sealed class TimeLimitAdminTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Administrator_changes_a_policy_and_the_change_is_logged_newest_first()
    {
        var general = await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null));
        var form = PolicyForm.From(general);
        (form.FirstResponseAmount, form.FirstResponseUnit, form.DueSoonPercent) = (4, SlaTargetUnit.Hours, 25);

        var result = await InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().SaveAsync(form.PolicyId, form.ToValues()!, "admin-id", "admin", app.Time.GetUtcNow()));

        Assert.Equal(SlaPolicySaveResult.Saved, result);
        var (changes, total) = await InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().ChangesPageAsync(0, 1));
        Assert.Equal(3, total);
        var change = Assert.Single(changes);
        Assert.Equal(("admin", "CN 1d/3d/7d due-soon 20%", "CN 4h/3d/7d due-soon 25%"), (change.ChangedByName, change.Before, change.After));
    }

    [Fact]
    public async Task Same_clock_reading_stays_when_the_policy_is_saved_again_through_the_form()
    {
        var general = await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null));
        var form = PolicyForm.From(general);
        form.CompletionCounting = DayCounting.SameClockTime;
        Assert.Equal(SlaPolicySaveResult.Saved, await SaveAsync(form));

        // Opened again and saved with another change: the reading chosen before is kept, not reset to whole days.
        var reopened = PolicyForm.From(await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Id == general.Id)));
        Assert.Equal(DayCounting.SameClockTime, reopened.CompletionCounting);
        reopened.DueSoonPercent = 30;
        Assert.Equal(SlaPolicySaveResult.Saved, await SaveAsync(reopened));

        var saved = await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Id == general.Id));
        Assert.Equal((DayCounting.SameClockTime, DayCounting.WholeDays, 30), (saved.CompletionCounting, saved.SolutionPlanCounting, saved.DueSoonPercent));
        var (changes, _) = await InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().ChangesPageAsync(0, 1));
        Assert.Equal("CN 1d/3d/7d-clock due-soon 30%", Assert.Single(changes).After);
    }

    [Fact]
    public void Change_log_summaries_read_in_the_users_language_with_each_targets_reading()
    {
        using (new UiCulture("zh-Hant"))
        {
            Assert.Equal("日曆：CN · 首次回應 4 個工作小時（累計工作時間） · 解決方案 3 個工作日後同一時刻 · 辦結 7 個工作日內（整日） · 剩餘 20% 時提醒",
                ComplaintPortal.Web.Features.Deadlines.TargetText.Summary("CN 4h/3d-clock/7d due-soon 20%"));
            // The page names the calendar as its list does.
            Assert.StartsWith("日曆：中国大陆工作日历 · 首次回應",
                ComplaintPortal.Web.Features.Deadlines.TargetText.Summary("CN 4h/3d-clock/7d due-soon 20%", code => code == "CN" ? "中国大陆工作日历" : code), StringComparison.Ordinal);
            Assert.Equal("（已刪除）", ComplaintPortal.Web.Features.Deadlines.TargetText.Summary(SlaPolicyBook.DeletedSummary));
            Assert.Equal("（新增）", ComplaintPortal.Web.Features.Deadlines.TargetText.Summary(null));
        }

        using (new UiCulture("en"))
        {
            Assert.Equal("within 3 working days (whole days)", PolicyForm.Describe(SlaTarget.Days(3)));
            Assert.Equal("3 working days later, same clock time", PolicyForm.Describe(SlaTarget.Days(3, DayCounting.SameClockTime)));
            // One is singular in English (Chinese has one form for both).
            Assert.Equal("within 1 working day (whole day)", PolicyForm.Describe(SlaTarget.Days(1)));
            Assert.Equal("1 working day later, same clock time", PolicyForm.Describe(SlaTarget.Days(1, DayCounting.SameClockTime)));
            Assert.Equal("1 working hour (elapsed working time)", PolicyForm.Describe(SlaTarget.Hours(1)));
            Assert.Equal("4 working hours (elapsed working time)", PolicyForm.Describe(SlaTarget.Hours(4)));
            // Something the portal did not write is shown as stored rather than hidden.
            Assert.Equal("CN 1w/3d/7d due-soon 20%", ComplaintPortal.Web.Features.Deadlines.TargetText.Summary("CN 1w/3d/7d due-soon 20%"));
        }
    }

    [Fact]
    public void Time_zones_read_as_offset_and_name_in_the_users_language_and_can_be_found_by_either()
    {
        using (new UiCulture("zh-Hans"))
        {
            Assert.Equal("(UTC+08:00) 北京时间", TimeZoneNames.Label("Asia/Shanghai"));
            // A zone without a name of its own keeps its id after the offset; one that does not exist is shown as stored.
            Assert.Equal("(UTC-05:00) America/New_York", TimeZoneNames.Label("America/New_York"));
            Assert.Equal("Nowhere/Else", TimeZoneNames.Label("Nowhere/Else"));
            Assert.Equal("Asia/Shanghai", TimeZoneNames.Search("北京").First());
            var eastEight = TimeZoneNames.Search("+08:00").ToList();
            Assert.Equal(["Asia/Hong_Kong", "Asia/Macau", "Asia/Shanghai", "Asia/Singapore", "Asia/Taipei"], eastEight.Take(5).Order(StringComparer.Ordinal));
            Assert.Contains("Asia/Kuala_Lumpur", eastEight.Skip(5));
            Assert.Contains("Europe/Berlin", TimeZoneNames.Search("berlin"));
        }

        using (new UiCulture("zh-Hant"))
        {
            Assert.Equal("(UTC+08:00) 臺北時間", TimeZoneNames.Label("Asia/Taipei"));
        }

        using (new UiCulture("en"))
        {
            Assert.Equal("(UTC+00:00) Coordinated Universal Time", TimeZoneNames.Label("Etc/UTC"));
        }
    }

    [Fact]
    public void Target_that_is_not_a_positive_amount_is_refused_before_saving()
    {
        var form = new PolicyForm { CalendarCode = "CN", FirstResponseAmount = 0, SolutionPlanAmount = 3, CompletionAmount = 7 };

        Assert.Null(form.ToValues());
    }

    [Fact]
    public async Task Weekly_hours_are_saved_and_bad_hours_get_a_localized_message_on_their_field()
    {
        using var culture = new UiCulture("zh-Hans");
        var record = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "TW"));
        var form = CalendarForm.From(record);
        form.Set(DayOfWeek.Saturday, "09:00-12:00");

        var (edited, problems) = form.ToDefinition(record.Definition);
        Assert.Empty(problems);
        var saved = await InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarBook>().SaveAsync("TW", record.Stamp, edited!, "admin", app.Time.GetUtcNow()));

        Assert.True(saved.Succeeded);
        var tw = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "TW"));
        Assert.Contains(tw.Definition.WeeklyPeriods, p => p.Day == DayOfWeek.Saturday && p.Start == new TimeOnly(9, 0));
        Assert.Null(CalendarForm.HoursProblem(DayOfWeek.Monday, "09:00-12:00, 13:30-18:00"));
        Assert.Contains("不是 HH:mm-HH:mm 格式的时段列表", CalendarForm.HoursProblem(DayOfWeek.Monday, "9 to 5"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Holiday_csv_import_replaces_a_year_or_lists_every_bad_row_in_the_users_language()
    {
        using var culture = new UiCulture("zh-Hans");

        var bad = await ImportAsync("CN", 2027, "2027-01-01,off,元旦\n2027-02-30,off,坏日期\n2027-03-01,maybe,未知\n");
        var messages = bad.CsvErrors.Select(CalendarForm.CsvErrorText).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 2 行：日期不是有效的 yyyy-MM-dd 格式。", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 3 行：类型必须是 off/休 或 work/班。", StringComparison.Ordinal));
        var cn = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "CN"));
        Assert.DoesNotContain(cn.Definition.SpecialDays, d => d.Date.Year == 2027);

        var good = await ImportAsync("CN", 2027, "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-07,班,春节调休上班\n");

        Assert.True(good.Succeeded);
        cn = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "CN"));
        Assert.Equal(2, cn.Definition.SpecialDays.Count(d => d.Date.Year == 2027));
    }

    [Fact]
    public async Task Unknown_calendar_answers_not_found()
    {
        var admin = await app.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/calendars/NOPE")).StatusCode);
    }

    private Task<CalendarSaveResult> ImportAsync(string code, int year, string csv) =>
        InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarBook>().ImportHolidaysAsync(code, year, Encoding.UTF8.GetBytes(csv), "admin", app.Time.GetUtcNow()));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<SlaPolicySaveResult> SaveAsync(PolicyForm form) =>
        InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().SaveAsync(form.PolicyId, form.ToValues()!, "admin-id", "admin", app.Time.GetUtcNow()));

    public void Dispose() => app.Dispose();
}
