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

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(SimplifiedChinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
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
