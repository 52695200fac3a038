using System.Globalization;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Web;

/// <summary>Periods in the organisation's zone: chosen days read as days, the last one included; anything else to the minute.</summary>
public sealed class OrganisationClockTests
{
    [Fact]
    public void A_period_of_whole_days_names_its_last_day_and_one_of_instants_its_minutes()
    {
        var clock = new OrganisationClock(new SettableTimeProvider(), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            // 12/3 00:00 to 12/11 00:00 Beijing time: the days 12/3 to 12/10 (to the minute it would read "12/11 00:00").
            Assert.Equal("2026/12/3 – 2026/12/10",
                clock.FormatPeriod(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero)));
            // Midnight UTC is 08:00 in Beijing: not whole days there.
            Assert.Equal("2026/12/3 08:00 – 2026/12/11 08:00",
                clock.FormatPeriod(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero)));
            Assert.Equal("2026/11/30 17:06 – 2026/12/14 17:06",
                clock.FormatPeriod(new DateTimeOffset(2026, 11, 30, 9, 6, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 14, 9, 6, 0, TimeSpan.Zero)));
            // The end alone, as a notice of approval names it: the last day of whole days, the minute otherwise.
            Assert.Equal("2026/12/10", clock.FormatEnd(new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero)));
            Assert.Equal("2026/12/11 08:00", clock.FormatEnd(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
