using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Localization;

/// <summary>
/// MudBlazor's own strings (grid pager and filters, dialogs, date pickers, file upload, …) from
/// Resources/MudText.resx in the user's language. A key the portal does not translate falls back to
/// MudBlazor's English.
/// </summary>
public sealed class PortalMudLocalizer : MudLocalizer
{
    /// <summary>MudBlazor's key of the grid pager's "first–last of all" text.</summary>
    public const string PagerInfo = "MudDataGridPager_InfoFormat";

    /// <summary>The grid pager's text when there is nothing to page through.</summary>
    public const string EmptyPager = "MudDataGridPager_InfoEmpty";

    private static readonly ResourceManager Text = new("ComplaintPortal.Web.Resources.MudText", typeof(PortalMudLocalizer).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            var value = Text.GetString(key, CultureInfo.CurrentUICulture);
            return value is null ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(arguments);
            // An empty grid's pager says "共 0 条", not "第 0–0 条，共 0 条" (the pager has one format for every count and passes
            // first, last and all as text).
            if (key == PagerInfo && arguments is [_, _, "0"])
            {
                key = EmptyPager;
            }

            var format = this[key];
            return format.ResourceNotFound
                ? format
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, format.Value, arguments));
        }
    }
}
