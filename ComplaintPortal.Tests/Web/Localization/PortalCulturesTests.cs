using System.Globalization;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web.Localization;

/// <summary>The cultures a request is served in: each language's date order, but the 24-hour clock a control room reads.</summary>
public class PortalCulturesTests
{
    // 08:00 UTC is 16:00 in Shanghai: an afternoon, where a 12-hour culture would say 下午4:00 or 4:00 PM.
    private static readonly DateTimeOffset Afternoon = new(2026, 2, 14, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-HK", "zh-Hant")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("en-GB", "en")]
    [InlineData("en-US", "en")]
    public async Task A_request_in_any_language_shows_afternoon_times_on_the_24_hour_clock(string acceptLanguage, string expectedCulture)
    {
        var (culture, shown) = await FormatInRequestAsync(acceptLanguage);

        Assert.Equal(expectedCulture, culture.Name);
        // The language's own date (order and separators), then the time as 16:00.
        var date = new DateTime(2026, 2, 14).ToString(culture.DateTimeFormat.ShortDatePattern, culture);
        Assert.Equal(date + " 16:00", shown);
        Assert.DoesNotMatch("上午|下午|AM|PM", shown);
        Assert.DoesNotMatch("上午|下午|AM|PM", new DateTime(2026, 2, 14, 16, 5, 9).ToString("G", culture));
    }

    [Fact]
    public async Task Traditional_Chinese_no_longer_says_afternoon_in_words()
    {
        var (_, shown) = await FormatInRequestAsync("zh-TW");

        Assert.Equal("2026/2/14 16:00", shown);
    }

    /// <summary>Runs a request through the portal's request localization and formats <see cref="Afternoon"/> as a page would.</summary>
    private static async Task<(CultureInfo Culture, string Shown)> FormatInRequestAsync(string acceptLanguage)
    {
        var services = new ServiceCollection().AddPortalLocalization().BuildServiceProvider();
        var clock = new OrganisationClock(TimeProvider.System, Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        (CultureInfo Culture, string Shown) seen = default;
        var middleware = new RequestLocalizationMiddleware(
            _ =>
            {
                seen = (CultureInfo.CurrentCulture, clock.Format(Afternoon));
                return Task.CompletedTask;
            },
            services.GetRequiredService<IOptions<RequestLocalizationOptions>>(),
            NullLoggerFactory.Instance);
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;

        await middleware.Invoke(context);
        return seen;
    }
}
