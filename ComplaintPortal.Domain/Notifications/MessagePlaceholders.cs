using System.Text.RegularExpressions;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>The placeholders a message template may use, and how a template is filled in.</summary>
public static partial class MessagePlaceholders
{
    public const string CaseNumber = "CaseNumber";
    public const string PromisedDate = "PromisedDate";
    public const string Department = "Department";
    public const string CustomerName = "CustomerName";

    public static IReadOnlyList<string> All { get; } = [CaseNumber, PromisedDate, Department, CustomerName];

    /// <summary>The placeholders in <paramref name="text"/> that are not known (empty when all are).</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Placeholder().Matches(text ?? "").Select(m => m.Groups[1].Value).Where(n => !All.Contains(n, StringComparer.Ordinal)).Distinct()];

    /// <summary>Fills the placeholders; one without a value is left empty.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text ?? "", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
