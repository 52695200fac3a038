using Bunit;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Supervision;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>The period's year field (sampling, figures): a year typed short is kept as typed and the field says which years it takes.</summary>
public sealed class PeriodFieldsTests
{
    [Theory]
    [InlineData("zh-Hans", "请输入 2000 至 2100 之间的年份。")]
    [InlineData("zh-Hant", "請輸入 2000 至 2100 之間的年份。")]
    [InlineData("en", "Enter a year from 2000 to 2100.")]
    public async Task A_year_typed_short_is_kept_and_the_field_says_which_years_it_takes(string culture, string message)
    {
        await using var ctx = new PortalComponentContext(culture);
        var year = 2026;
        var fields = ctx.Render<PeriodFields>(p => p
            .Add(c => c.Kind, ReportPeriodKind.Month).Add(c => c.Year, year).Add(c => c.Number, 11)
            .Add(c => c.YearChanged, (int y) => year = y));
        Assert.DoesNotContain(message, fields.Markup);

        fields.Find("input[data-test=period-year]").Change("12");
        fields.Render(p => p.Add(c => c.Year, year));

        // Not turned into 2000 behind the user's back: the value stays 12 and the field says what it takes.
        Assert.Equal(12, year);
        Assert.Equal("12", fields.Find("input[data-test=period-year]").GetAttribute("value"));
        fields.WaitForAssertion(() => Assert.Contains(message, fields.Find(".mud-input-helper-text.mud-input-error").TextContent));
        Assert.False(new SampleForm { Kind = ReportPeriodKind.Month, Year = year, Number = 11 }.PeriodIsValid);
    }

    [Fact]
    public async Task A_month_typed_past_twelve_is_kept_and_the_field_says_so()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var number = 11;
        var fields = ctx.Render<PeriodFields>(p => p
            .Add(c => c.Kind, ReportPeriodKind.Month).Add(c => c.Year, 2026).Add(c => c.Number, number)
            .Add(c => c.NumberChanged, (int n) => number = n));

        fields.Find("input[data-test=period-number]").Change("13");
        fields.Render(p => p.Add(c => c.Number, number));

        Assert.Equal(13, number);
        fields.WaitForAssertion(() => Assert.Contains("请输入 1 至 12 之间的月份。", fields.Find(".mud-input-helper-text.mud-input-error").TextContent));
        Assert.False(new SampleForm { Kind = ReportPeriodKind.Month, Year = 2026, Number = number }.PeriodIsValid);
    }
}
