namespace ComplaintPortal.Web.Features.Localization;

/// <summary>
/// The form of a counted phrase: English says "1 working day" and "2 working days", Chinese has one form for both. A
/// resource that counts keeps its singular under the same key with "_One" (the Chinese files repeat their one form there).
/// Written here because no package served to this project picks plural forms from .resx (MessageFormat and SmartFormat
/// are not served; Humanizer pluralizes English words, not translated sentences).
/// </summary>
public static class Counted
{
    /// <summary><paramref name="one"/> for exactly one, else <paramref name="other"/> (English's rule; Chinese's two are alike).</summary>
    public static string Pick(long count, string one, string other) => count == 1 ? one : other;
}
