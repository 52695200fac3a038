using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>Reads MudBlazor's chart markup in component tests: texts, legend colours, the turn of axis labels.</summary>
public static partial class ChartMarkup
{
    public static List<string> Texts(IEnumerable<IElement> elements) => elements.Select(e => e.TextContent.Trim()).ToList();

    /// <summary>A legend marker's colour, from its <c>background-color</c> style.</summary>
    public static string Colour(string? style) => (style ?? "").Replace("background-color:", "", StringComparison.Ordinal).Trim().TrimEnd(';');

    /// <summary>An axis label's turn in degrees: MudBlazor writes every label's as <c>transform="rotate(degrees x y)"</c>.</summary>
    public static double Angle(IElement label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return double.Parse(Rotation().Match(label.GetAttribute("transform") ?? "").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"rotate\((-?[\d.]+)")]
    private static partial Regex Rotation();
}
