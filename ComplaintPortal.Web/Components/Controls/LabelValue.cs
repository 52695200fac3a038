using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>"Label: value" in the reader's language: Chinese takes the full-width colon (负责人：李强), English the ASCII one.</summary>
public static class LabelValue
{
    public static string Format(string label, string? value) =>
        string.Format(CultureInfo.CurrentCulture, UiText.Common_LabelValue, label, value);
}
