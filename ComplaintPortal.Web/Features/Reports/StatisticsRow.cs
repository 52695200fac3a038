using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>One line of a statistics table in the reader's words: the category's, channel's or department's name, its figures and which cases they count.</summary>
public sealed record StatisticsRow(string Name, StatisticsLine Line, StatisticsSlice Slice, int? Before = null)
{
    public int Change => Line.Received - (Before ?? 0);
}

/// <summary>The statistics' breakdowns in the reader's words, as the page shows them and the workbook writes them.</summary>
public sealed record StatisticsTables(IReadOnlyList<StatisticsRow> Categories, IReadOnlyList<StatisticsRow> Channels, IReadOnlyList<StatisticsRow> Departments,
    IReadOnlyList<StatisticsRow> Solutions, IReadOnlyList<StatisticsRow> Causes, IReadOnlyList<StatisticsRow> Products,
    IReadOnlyList<StatisticsRow> CustomerGroups, IReadOnlyList<StatisticsRow> Locations)
{
    /// <summary>The names of the categories and departments by id, and of the kinds of solution and causes by code, in <paramref name="culture"/>.</summary>
    public static async Task<StatisticsNames> NamesAsync(PortalDbContext db, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = (await db.Categories.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.DisplayName(culture));
        var departments = (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.DisplayName(culture));
        var solutions = (await db.SolutionTypes.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(t => t.Code, t => t.DisplayName(culture), StringComparer.Ordinal);
        var causes = (await db.CauseCategories.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(t => t.Code, t => t.DisplayName(culture), StringComparer.Ordinal);
        return new StatisticsNames(categories, departments) { Solutions = solutions, Causes = causes };
    }

    public static StatisticsTables Of(ComplaintStatisticsResult result, StatisticsNames names)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(names);
        return new(
            [.. result.ByCategory.Select(c => new StatisticsRow(names.Category(c.CategoryId), c.Line, StatisticsSlice.Category(c.CategoryId), c.ReceivedBefore))],
            [.. result.ByChannel.Select(c => new StatisticsRow(CaseLabels.Channel(c.Channel), c.Line, new StatisticsSlice(Channel: c.Channel)))],
            [.. result.ByDepartment.Select(d => new StatisticsRow(names.Department(d.DepartmentId), d.Line, new StatisticsSlice(DepartmentId: d.DepartmentId)))],
            [.. result.BySolution.Select(d => new StatisticsRow(names.Solution(d.SolutionTypeCode), d.Line, new StatisticsSlice(SolutionTypeCode: d.SolutionTypeCode)))],
            [.. result.ByCause.Select(c => new StatisticsRow(names.Cause(c.CauseCategoryCode), c.Line, StatisticsSlice.Cause(c.CauseCategoryCode), c.ReceivedBefore))],
            [.. result.ByProduct.Select(TextRow)],
            [.. result.ByCustomerGroup.Select(TextRow)],
            [.. result.ByLocation.Select(TextRow)]);
    }

    /// <summary>How the products are grouped, under their table.</summary>
    public static string ProductHelp => string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_ProductHelp, TextGroups.Named);

    /// <summary>How the customer groups are grouped, and why small ones are not named, under their table.</summary>
    public static string CustomerGroupHelp =>
        string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_CustomerGroupHelp, TextGroups.Named, TextGroups.FewestToNameGroup);

    /// <summary>How the places are grouped, under their table.</summary>
    public static string LocationHelp => string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_LocationHelp, TextGroups.Named);

    /// <summary>No complaint of the period gave the field: a sentence stands for a table of one 未填写 line.</summary>
    public static bool NoneGiven(IReadOnlyList<StatisticsRow> rows) =>
        rows.All(r => r.Slice.Text is { Kind: TextGroupKind.NotGiven });

    /// <summary>A group of a free-text field: its most used spelling, or 其他 / 未填写.</summary>
    private static StatisticsRow TextRow(TextStatistics line)
    {
        var name = line.Group.Kind switch
        {
            TextGroupKind.Named => line.Name ?? "",
            TextGroupKind.Others => DeadlineText.Stats_OtherValues,
            _ => DeadlineText.Stats_NotGiven,
        };
        return new StatisticsRow(name, line.Line, new StatisticsSlice(Text: line.Group), line.ReceivedBefore);
    }
}

/// <summary>Category and department names by id, and the kinds of solution's and causes' by code; a case not yet assessed has no category.</summary>
public sealed record StatisticsNames(IReadOnlyDictionary<int, string> Categories, IReadOnlyDictionary<int, string> Departments)
{
    public string Category(int? id) =>
        id is null ? DeadlineText.Stats_NotAssessed : Categories.TryGetValue(id.Value, out var name) ? name : id.Value.ToString(CultureInfo.CurrentCulture);

    public string Department(int id) => Departments.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.CurrentCulture);

    /// <summary>The kinds of solution's names by code.</summary>
    public IReadOnlyDictionary<string, string> Solutions { get; init; } = new Dictionary<string, string>();

    public string Solution(string code) => Solutions.TryGetValue(code, out var name) ? name : code;

    /// <summary>The cause categories' names by code.</summary>
    public IReadOnlyDictionary<string, string> Causes { get; init; } = new Dictionary<string, string>();

    /// <summary>A cause category's name; with no code, the line of findings filed under none.</summary>
    public string Cause(string? code) =>
        code is null ? DeadlineText.Stats_CauseNotFiled : Causes.TryGetValue(code, out var name) ? name : code;
}

/// <summary>The figure that was clicked: which cases to list (a page at a time), under what title, and how many there are.</summary>
/// <param name="Before">The count of the period before (a type's), rather than of the period shown.</param>
public sealed record StatisticsSelection(string Title, StatisticsFigure Figure, StatisticsSlice Slice, bool Before, int Count)
{
    public string Heading => FigureSelection.HeadingOf(Title, Count);

    /// <summary>Picks <paramref name="figure"/> of <paramref name="row"/>, titled by the row's name and the figure's.</summary>
    public static StatisticsSelection Of(StatisticsRow row, StatisticsFigure figure, bool before = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var count = before ? row.Before ?? 0 : row.Line.Count(figure);
        return new(row.Name + " · " + (before ? DeadlineText.Stats_Before : Name(figure)), figure, row.Slice, before, count);
    }

    /// <summary>The figure's name, as the tables head its column.</summary>
    public static string Name(StatisticsFigure figure) => figure switch
    {
        StatisticsFigure.Received => DeadlineText.Stats_Received,
        StatisticsFigure.Closed => DeadlineText.Stats_Closed,
        StatisticsFigure.Surveyed => DeadlineText.Stats_Surveyed,
        StatisticsFigure.Satisfied => DeadlineText.Stats_Satisfied,
        StatisticsFigure.Reopened => DeadlineText.Stats_Reopened,
        StatisticsFigure.RepeatCallers => DeadlineText.Stats_Repeat,
        StatisticsFigure.AttitudeSurveyed => DeadlineText.Stats_AttitudeSurveyed,
        StatisticsFigure.AttitudeSatisfied => DeadlineText.Stats_AttitudeSatisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };
}
