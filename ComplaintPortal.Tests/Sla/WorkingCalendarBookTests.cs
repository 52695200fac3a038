using System.Text;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Deadlines;

namespace ComplaintPortal.Tests.Sla;

public sealed class WorkingCalendarBookTests
{
    [Fact]
    public async Task Holiday_import_replaces_only_that_year_and_the_cache_sees_it()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        var cn2026 = (await WorkingCalendarCache.Shared.GetAsync(db, "CN")).Definition.SpecialDays.Count;
        var csv = Encoding.UTF8.GetBytes("date,kind,name\n2027-01-01,off,元旦\n2027-02-06,work,春节调休上班\n");

        var result = await book.ImportHolidaysAsync("CN", 2027, csv, "admin", s.Driver.Time.GetUtcNow());

        Assert.True(result.Succeeded);
        var calendar = await WorkingCalendarCache.Shared.GetAsync(db, "CN");
        Assert.Equal(cn2026 + 2, calendar.Definition.SpecialDays.Count);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 6)));
    }

    [Fact]
    public async Task Holiday_import_with_bad_rows_reports_every_row_and_changes_nothing()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        var stamp = (await book.FindAsync("CN"))!.Stamp;
        var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-13-01,off,坏日期\n2026-05-01,off,去年\n2027-03-01,maybe,未知\n");

        var result = await book.ImportHolidaysAsync("CN", 2027, csv, "admin", s.Driver.Time.GetUtcNow());

        Assert.False(result.Succeeded);
        Assert.Equal([(2, HolidayCsvErrorCode.InvalidDate), (3, HolidayCsvErrorCode.OutsideYear), (4, HolidayCsvErrorCode.UnknownKind)],
            result.CsvErrors.Select(e => (e.LineNumber, e.Code)));
        Assert.Equal(stamp, (await book.FindAsync("CN"))!.Stamp);
    }

    [Fact]
    public async Task Edited_hours_take_effect_and_an_invalid_edit_or_a_stale_stamp_is_refused()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        var record = (await book.FindAsync("TW"))!;
        var definition = record.Definition with
        {
            WeeklyPeriods = [.. record.Definition.WeeklyPeriods, new WeeklyWorkingPeriod(DayOfWeek.Saturday, new(9, 0), new(12, 0))],
        };

        Assert.True((await book.SaveAsync("TW", record.Stamp, definition, "admin", s.Driver.Time.GetUtcNow())).Succeeded);
        Assert.True((await book.SaveAsync("TW", record.Stamp, definition, "admin", s.Driver.Time.GetUtcNow())).IsConflict);
        var reversed = definition with { WeeklyPeriods = [new WeeklyWorkingPeriod(DayOfWeek.Monday, new(12, 0), new(9, 0))] };
        var stamp = (await book.FindAsync("TW"))!.Stamp;
        var refused = await book.SaveAsync("TW", stamp, reversed, "admin", s.Driver.Time.GetUtcNow());
        Assert.Contains(refused.Problems, p => p.Code == CalendarDefinitionProblemCode.ReversedPeriod);

        var calendar = await WorkingCalendarCache.Shared.GetAsync(db, "TW");
        Assert.Equal(TimeSpan.FromHours(3), calendar.WorkingTimeOn(new DateOnly(2026, 3, 7)));
    }
}
