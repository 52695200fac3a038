using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

public class HolidayCsvParserTests
{
    [Fact]
    public void Reads_days_off_and_make_up_days_in_english_or_chinese()
    {
        const string csv = "date,kind,name\r\n" +
            "2026-10-10,work,国庆节调休上班\r\n" +
            "\r\n" +
            "2026-10-01, off ,国庆节\r\n" +
            "2026-09-20,班,\"国庆节调休上班, 周日\"\r\n" +
            "2026-10-02,休,\"\"\"国庆\"\" 2\"\n";

        var import = HolidayCsvParser.Parse(csv);

        Assert.True(import.Succeeded);
        Assert.Equal(
            [
                new SpecialDay(new(2026, 9, 20), SpecialDayKind.WorkingDay, "国庆节调休上班, 周日"),
                new SpecialDay(new(2026, 10, 1), SpecialDayKind.DayOff, "国庆节"),
                new SpecialDay(new(2026, 10, 2), SpecialDayKind.DayOff, "\"国庆\" 2"),
                new SpecialDay(new(2026, 10, 10), SpecialDayKind.WorkingDay, "国庆节调休上班"),
            ],
            import.SpecialDays);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_utf8_with_or_without_byte_order_mark(bool withBom)
    {
        byte[] body = Encoding.UTF8.GetBytes("日期,类型,名称\n2026-01-01,休,元旦\n");
        byte[] bytes = withBom ? [0xEF, 0xBB, 0xBF, .. body] : body;

        var import = HolidayCsvParser.Parse(bytes);

        Assert.True(import.Succeeded);
        Assert.Equal("元旦", Assert.Single(import.SpecialDays).Name);
    }

    [Theory]
    [InlineData("2026-13-01,off,X", HolidayCsvErrorCode.InvalidDate, "2026-13-01")]
    [InlineData("2026/01/01,off,X", HolidayCsvErrorCode.InvalidDate, "2026/01/01")]
    [InlineData("2026-01-01,holiday,X", HolidayCsvErrorCode.UnknownKind, "holiday")]
    [InlineData("2026-01-01,off", HolidayCsvErrorCode.MissingField, "2026-01-01,off")]
    [InlineData("2026-01-01,off,", HolidayCsvErrorCode.MissingField, "2026-01-01,off,")]
    [InlineData("2026-01-01,off,New Year, Day", HolidayCsvErrorCode.TooManyFields, "2026-01-01,off,New Year, Day")]
    [InlineData("2026-01-01,off,\"New Year", HolidayCsvErrorCode.UnterminatedQuote, "2026-01-01,off,\"New Year")]
    [InlineData("2027-01-01,off,元旦", HolidayCsvErrorCode.OutsideYear, "2027-01-01")]
    public void Bad_row_is_reported_with_its_line_and_text(string row, HolidayCsvErrorCode code, string text)
    {
        var import = HolidayCsvParser.Parse("date,kind,name\n2026-05-01,off,劳动节\n" + row + "\n", expectedYear: 2026);

        Assert.False(import.Succeeded);
        Assert.Equal(new HolidayCsvRowError(3, code, text), Assert.Single(import.Errors));
    }

    [Fact]
    public void Any_bad_row_rejects_the_whole_import()
    {
        const string csv = "2026-05-01,off,劳动节\n2026-05-09,work,调休\n2026-05-01,off,劳动节\n2026-05-32,off,?\n";

        var import = HolidayCsvParser.Parse(csv);

        Assert.Empty(import.SpecialDays);
        Assert.Equal(
            [
                new HolidayCsvRowError(3, HolidayCsvErrorCode.DuplicateDate, "2026-05-01"),
                new HolidayCsvRowError(4, HolidayCsvErrorCode.InvalidDate, "2026-05-32"),
            ],
            import.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("date,kind,name\n\n")]
    public void File_without_rows_is_rejected(string csv) =>
        Assert.Equal(HolidayCsvErrorCode.NoRows, Assert.Single(HolidayCsvParser.Parse(csv).Errors).Code);

    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected()
    {
        var import = HolidayCsvParser.Parse([0x32, 0x30, 0xC3, 0x28, 0x0A]);

        Assert.Equal(HolidayCsvErrorCode.InvalidEncoding, Assert.Single(import.Errors).Code);
    }

    [Fact]
    public void Imported_year_drives_the_calendar_like_the_seed()
    {
        var seed = CalendarSeeds.ChinaMainland2026;
        var csv = string.Join('\n', seed.SpecialDays.Select(d => string.Create(
            CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},{(d.Kind == SpecialDayKind.DayOff ? "休" : "班")},{d.Name}")));

        var import = HolidayCsvParser.Parse(csv, expectedYear: 2026);
        var calendar = WorkingCalendar.Create(seed with { SpecialDays = import.SpecialDays });

        Assert.True(import.Succeeded);
        Assert.Equal(39, import.SpecialDays.Count);
        Assert.Equal("2026-02-24 16:00", calendar.Local(calendar.AddWorkingDays(calendar.At("2026-02-13 16:00"), 2)));
    }
}
