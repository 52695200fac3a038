using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Features.Supervision;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>The draw form's size and minimum are kept as typed; the form names what is out of range and holds the draw back.</summary>
public sealed class SampleFormTests
{
    [Theory]
    [InlineData(SampleSizeMode.Rate, 100, 0, true)]
    [InlineData(SampleSizeMode.Rate, 150, 1, false)]
    [InlineData(SampleSizeMode.Count, 150, 1, true)]
    [InlineData(SampleSizeMode.Count, SamplePlan.MaxCount + 1, 1, false)]
    [InlineData(SampleSizeMode.Count, 0, 1, false)]
    [InlineData(SampleSizeMode.Count, 10, -1, false)]
    [InlineData(SampleSizeMode.Count, 10, SamplePlan.MaxMinimumPerStratum + 1, false)]
    public void Size_and_minimum_out_of_range_hold_the_draw_back(SampleSizeMode mode, int size, int minimum, bool canDraw)
    {
        var form = new SampleForm { Year = 2026, Number = 3, Mode = mode, Size = size, Minimum = minimum };

        Assert.Equal(canDraw, form.CanDraw);
        // Whatever the form lets through, the domain's plan accepts, and the other way round.
        Assert.Equal(canDraw, form.ToRequest().Plan.IsValid);
    }

    [Fact]
    public void A_period_runs_until_its_last_day_ends_in_the_organisation_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var december = new SampleForm { Kind = ReportPeriodKind.Month, Year = 2026, Number = 12 };
        var november = new SampleForm { Kind = ReportPeriodKind.Month, Year = 2026, Number = 11 };
        var third = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

        Assert.True(december.PeriodRunning(third, zone));
        Assert.False(november.PeriodRunning(third, zone));
        // 30 November 23:30 in Shanghai is 15:30 UTC: November still runs there, though not by midnight UTC's reckoning.
        Assert.True(november.PeriodRunning(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero), zone));
        Assert.False(november.PeriodRunning(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), zone));
    }

    [Fact]
    public void A_rate_over_100_is_named_with_the_range_the_mode_takes()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var form = new SampleForm { Mode = SampleSizeMode.Rate };
            Assert.Equal("请输入 1 至 100 之间的整数。", form.SizeError(150));
            form.Mode = SampleSizeMode.Count;
            Assert.Null(form.SizeError(150));
            Assert.Equal("请输入 0 至 50 之间的整数。", SampleForm.MinimumError(-1));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
