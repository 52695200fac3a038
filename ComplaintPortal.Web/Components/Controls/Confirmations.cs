using System.Net;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>The question asked before a step that cannot be undone: what follows, and beneath it a warning when there is one.</summary>
public static class Confirmations
{
    /// <returns>True when the person chose <paramref name="yes"/>; false on cancel or when the dialog was closed.</returns>
    public static async Task<bool> AskAsync(this IDialogService dialogs, string title, string consequence, string yes, string? warning = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var message = new MarkupString($"<p>{WebUtility.HtmlEncode(consequence)}</p>"
            + (warning is null ? "" : $"<p class=\"mt-3 mud-warning-text\" data-test=\"confirm-warning\">{WebUtility.HtmlEncode(warning)}</p>"));
        return await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: UiText.Common_Cancel) == true;
    }
}
