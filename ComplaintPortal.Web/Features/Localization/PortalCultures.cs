using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ComplaintPortal.Web.Features.Localization;

/// <summary>The portal's three languages; the choice comes from the cookie, else the browser, else Simplified Chinese.</summary>
public static class PortalCultures
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [SimplifiedChinese, TraditionalChinese, English];

    /// <summary>
    /// The three cultures as the portal formats with them: each language's own date order and separators, but times on
    /// the 24-hour clock a control room reads ("2026/2/14 16:00", never "下午4:00" or "4:00 PM"), so "g", "G", "t" and
    /// "T" agree in every language. The request localization hands out these instances.
    /// </summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = Supported.Select(With24HourClock).ToList();

    /// <summary>The portal's instance of a supported culture (<see cref="Cultures"/>).</summary>
    public static CultureInfo Get(string name) =>
        Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not one of the portal's cultures.");

    private static CultureInfo With24HourClock(string name)
    {
        var culture = new CultureInfo(name, useUserOverride: false);
        culture.DateTimeFormat.ShortTimePattern = "HH:mm";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        return CultureInfo.ReadOnly(culture);
    }

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Get(SimplifiedChinese));
            o.SupportedCultures = [.. Cultures];
            o.SupportedUICultures = [.. Cultures];
            // zh-CN → zh-Hans, zh-TW / zh-HK → zh-Hant, en-US → en.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public const string CookieName = "cp.culture";

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
