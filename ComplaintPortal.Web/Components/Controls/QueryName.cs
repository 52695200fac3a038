namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// A choice named in a page's address (<c>?show=overdue</c>): written as its name in lower case, read back by name in any
/// case and never by number (Enum.TryParse alone would also take "3").
/// </summary>
public static class QueryName
{
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The value <paramref name="text"/> names, or null when it names none.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;
}
