using System.Text;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>From 1 November (the organisation's clock) administrators see which calendars lack next year's holidays.</summary>
public sealed class CalendarGapsPageTests : IDisposable
{
    // 2026-11-02 09:00 in Shanghai.
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly PortalAppFactory app;

    public CalendarGapsPageTests() => app = new PortalAppFactory(time: time);

    [Fact]
    public async Task From_November_the_calendars_page_and_the_home_page_name_the_calendars_lacking_next_years_holidays()
    {
        var admin = await app.SignedInAsync("admin");

        var calendars = await admin.GetStringAsync("/admin/calendars");
        var home = await admin.GetStringAsync("/");

        Assert.Contains("data-gap=\"CN-2027\"", calendars, StringComparison.Ordinal);
        Assert.Contains("data-gap=\"TW-2027\"", calendars, StringComparison.Ordinal);
        Assert.Contains("data-gap=\"CN-2027\"", home, StringComparison.Ordinal);
        // A 24/7 calendar has no days off to enter; 2026 is known.
        Assert.DoesNotContain("data-gap=\"CN-2026\"", calendars, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"confirm-year\"", calendars, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_November_next_year_is_not_asked_for_and_other_roles_see_no_notice_at_home()
    {
        var leader = await app.SignedInAsync("leader");
        Assert.DoesNotContain("data-gap=", await leader.GetStringAsync("/"), StringComparison.Ordinal);

        // 31 October, 23:00 in Shanghai: still October by the organisation's clock.
        time.Set(new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero));
        var admin = await app.SignedInAsync("admin");
        Assert.DoesNotContain("data-gap=", await admin.GetStringAsync("/admin/calendars"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Year_with_holidays_but_no_make_up_days_offers_the_confirm_button_until_confirmed()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<WorkingCalendarBook>();
            Assert.True((await book.ImportHolidaysAsync("TW", 2027, Encoding.UTF8.GetBytes("2027-01-01,off,開國紀念日\n"), "admin", time.GetUtcNow())).Succeeded);
        }

        var admin = await app.SignedInAsync("admin");
        var before = await admin.GetStringAsync("/admin/calendars");
        var gaps = before.Split("data-gap=\"", StringSplitOptions.None);
        Assert.Contains("data-test=\"confirm-year\"", Assert.Single(gaps, g => g.StartsWith("TW-2027", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"confirm-year\"", Assert.Single(gaps, g => g.StartsWith("CN-2027", StringComparison.Ordinal)), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<WorkingCalendarBook>();
            Assert.Equal(CalendarYearConfirmation.Confirmed, await book.ConfirmYearAsync("TW", 2027, "admin", time.GetUtcNow()));
        }

        var after = await admin.GetStringAsync("/admin/calendars");
        Assert.DoesNotContain("data-gap=\"TW-2027\"", after, StringComparison.Ordinal);
        Assert.Contains("data-gap=\"CN-2027\"", after, StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
