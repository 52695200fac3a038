using System.Collections.Concurrent;
using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's own words in one language, read from the resources once per language and shared by every open board:
/// a render reads fields instead of going through <see cref="System.Resources.ResourceManager"/>, whose lookup takes a
/// lock that a hundred boards rendering the same change at once contend for (bench/README.md, CPU per change).
/// </summary>
internal sealed record BoardWords(
    string Title,
    string Totals,
    string RowCount,
    string RowCountOne,
    string PageOf,
    string Empty,
    string LeaveWall,
    string DaysHours,
    string OnTrack,
    string DueSoon,
    string Overdue)
{
    private static readonly ConcurrentDictionary<string, BoardWords> Made = new();

    /// <summary>The words in <paramref name="culture"/> (the few languages the portal speaks; kept for the process's life).</summary>
    public static BoardWords For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Made.GetOrAdd(culture.Name, _ => Read(culture));
    }

    private static BoardWords Read(CultureInfo culture)
    {
        string Word(string name) => BoardText.ResourceManager.GetString(name, culture) ?? name;
        return new(
            Word(nameof(BoardText.Board_Title)),
            Word(nameof(BoardText.Board_Totals)),
            Word(nameof(BoardText.Board_RowCount)),
            Word(nameof(BoardText.Board_RowCount_One)),
            Word(nameof(BoardText.Board_PageOf)),
            Word(nameof(BoardText.Board_Empty)),
            Word(nameof(BoardText.Board_LeaveWall)),
            Word(nameof(BoardText.Board_DaysHours)),
            Word(nameof(BoardText.Board_State_OnTrack)),
            Word(nameof(BoardText.Board_State_DueSoon)),
            Word(nameof(BoardText.Board_State_Overdue)))
        {
            Culture = culture,
        };
    }

    /// <summary>The language the words are in (numbers in <see cref="Count"/> are formatted in it).</summary>
    public CultureInfo Culture { get; private init; } = CultureInfo.InvariantCulture;

    /// <summary>"N open cases" for <paramref name="open"/>.</summary>
    public string Count(int open) => string.Format(Culture, Localization.Counted.Pick(open, RowCountOne, RowCount), open.ToString("N0", Culture));

    /// <summary>"Page N of M" for the zero-based <paramref name="pageIndex"/>.</summary>
    public string Page(int pageIndex, int pages) => string.Format(Culture, PageOf, pageIndex + 1, pages);
}
