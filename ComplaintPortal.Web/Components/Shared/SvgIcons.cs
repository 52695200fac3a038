using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon (<c>Icons.Material.*</c>) as the same <c>&lt;svg&gt;</c> markup <c>MudIcon</c> writes, but
/// without a component: a page shown on many open circuits (the board) saves a component, its state and
/// two render trees per icon per circuit. Each (icon, class) string is built once and shared.
/// </summary>
public static class SvgIcons
{
    private static readonly ConcurrentDictionary<(string Icon, string Class), MarkupString> Made = new();

    public static MarkupString Markup(string icon, string cssClass) =>
        Made.GetOrAdd((icon, cssClass), key => new MarkupString(
            "<svg class=\"" + key.Class + "\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">" + key.Icon + "</svg>"));
}
