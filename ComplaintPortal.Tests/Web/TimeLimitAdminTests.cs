using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

/// <summary>The calendar and policy administration pages, through HTTP with antiforgery, as a browser posts them.</summary>
public sealed class TimeLimitAdminTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Administrator_changes_a_policy_and_the_change_is_logged()
    {
        var admin = await app.SignedInAsync("admin");
        var general = await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null));

        var response = await admin.PostFormAsync("/admin/sla-policies", "save-policy", PolicyFields(general.Id, firstResponseHours: 4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("CN 4h/3d/7d due-soon 25%", html, StringComparison.Ordinal);
        var change = await app.WithDbAsync(db => db.SlaPolicyChanges.OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal(("admin", "CN 1d/3d/7d due-soon 20%", "CN 4h/3d/7d due-soon 25%"), (change.ChangedByName, change.Before, change.After));
    }

    [Fact]
    public async Task Policy_post_without_antiforgery_token_is_rejected_and_changes_nothing()
    {
        var admin = await app.SignedInAsync("admin");
        var general = await app.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null));

        var response = await admin.PostFormAsync("/admin/sla-policies", "save-policy", PolicyFields(general.Id, 4), includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.SlaPolicyChanges.CountAsync()));
    }

    [Fact]
    public async Task Administrator_edits_weekly_hours_and_bad_hours_get_a_localized_error()
    {
        var admin = await app.SignedInAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var fields = await CalendarFieldsAsync("TW");
        fields["Input.Saturday"] = "09:00-12:00";

        var saved = await admin.PostFormAsync("/admin/calendars/TW", "save-calendar", fields);

        Assert.Contains("日历已保存", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tw = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "TW"));
        Assert.Contains(tw.Definition.WeeklyPeriods, p => p.Day == DayOfWeek.Saturday && p.Start == new TimeOnly(9, 0));

        fields = await CalendarFieldsAsync("TW");
        fields["Input.Monday"] = "9 to 5";
        var refused = await admin.PostFormAsync("/admin/calendars/TW", "save-calendar", fields);

        Assert.Contains("不是 HH:mm-HH:mm 格式的时段列表", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(tw.Stamp, await app.WithDbAsync(db => db.WorkingCalendars.Where(c => c.Code == "TW").Select(c => c.Stamp).SingleAsync()));
    }

    [Fact]
    public async Task Holiday_csv_upload_imports_a_year_or_lists_every_bad_row()
    {
        var admin = await app.SignedInAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var bad = await UploadAsync(admin, "CN", 2027, "2027-01-01,off,元旦\n2027-02-30,off,坏日期\n2027-03-01,maybe,未知\n");
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("未导入任何内容", badHtml, StringComparison.Ordinal);
        Assert.Contains("第 2 行：日期不是有效的 yyyy-MM-dd 格式。", badHtml, StringComparison.Ordinal);
        Assert.Contains("第 3 行：类型必须是 off/休 或 work/班。", badHtml, StringComparison.Ordinal);
        var cn = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "CN"));
        Assert.DoesNotContain(cn.Definition.SpecialDays, d => d.Date.Year == 2027);

        var good = await UploadAsync(admin, "CN", 2027, "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-07,班,春节调休上班\n");

        Assert.Contains("2027 年的特殊日期已导入", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        cn = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == "CN"));
        Assert.Equal(2, cn.Definition.SpecialDays.Count(d => d.Date.Year == 2027));
    }

    [Fact]
    public async Task Unknown_calendar_answers_not_found()
    {
        var admin = await app.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/calendars/NOPE")).StatusCode);
    }

    private static Dictionary<string, string> PolicyFields(int id, int firstResponseHours) => new()
    {
        ["Input.PolicyId"] = id.ToString(CultureInfo.InvariantCulture),
        ["Input.CalendarCode"] = "CN",
        ["Input.FirstResponseAmount"] = firstResponseHours.ToString(CultureInfo.InvariantCulture),
        ["Input.FirstResponseUnit"] = nameof(SlaTargetUnit.Hours),
        ["Input.SolutionPlanAmount"] = "3",
        ["Input.SolutionPlanUnit"] = nameof(SlaTargetUnit.Days),
        ["Input.CompletionAmount"] = "7",
        ["Input.CompletionUnit"] = nameof(SlaTargetUnit.Days),
        ["Input.DueSoonPercent"] = "25",
    };

    private async Task<Dictionary<string, string>> CalendarFieldsAsync(string code)
    {
        var record = await app.WithDbAsync(db => db.WorkingCalendars.SingleAsync(c => c.Code == code));
        var form = ComplaintPortal.Web.Features.Admin.Calendars.CalendarForm.From(record);
        var fields = new Dictionary<string, string>
        {
            ["Input.Stamp"] = form.Stamp,
            ["Input.Name"] = form.Name,
            ["Input.TimeZoneId"] = form.TimeZoneId,
            ["Input.SpecialDays"] = form.SpecialDays ?? "",
        };
        foreach (var day in ComplaintPortal.Web.Features.Admin.Calendars.CalendarForm.Week)
        {
            fields["Input." + day] = form.Get(day) ?? "";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string code, int year, string csv)
    {
        var path = "/admin/calendars/" + code;
        var token = PortalClient.AntiforgeryToken(await client.GetStringAsync(path));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import-holidays"), "_handler" },
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "year" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "csv", "holidays.csv");
        return await client.PostAsync(path, content);
    }

    public void Dispose() => app.Dispose();
}
