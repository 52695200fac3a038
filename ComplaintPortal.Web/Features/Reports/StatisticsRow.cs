using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>One line of a statistics table in the reader's words: the category's, channel's or department's name and its figures.</summary>
public sealed record StatisticsRow(string Name, StatisticsLine Line, int? Before = null)
{
    public int Change => Line.Received - (Before ?? 0);
}

/// <summary>The statistics' three breakdowns in the reader's words, as the page shows them and the workbook writes them.</summary>
public sealed record StatisticsTables(IReadOnlyList<StatisticsRow> Categories, IReadOnlyList<StatisticsRow> Channels, IReadOnlyList<StatisticsRow> Departments)
{
    /// <summary>The names of the categories and departments by id, in <paramref name="culture"/>.</summary>
    public static async Task<StatisticsNames> NamesAsync(PortalDbContext db, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = (await db.Categories.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.DisplayName(culture));
        var departments = (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.DisplayName(culture));
        return new StatisticsNames(categories, departments);
    }

    public static StatisticsTables Of(ComplaintStatisticsResult result, StatisticsNames names)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(names);
        return new(
            [.. result.ByCategory.Select(c => new StatisticsRow(names.Category(c.CategoryId), c.Line, c.ReceivedBefore))],
            [.. result.ByChannel.Select(c => new StatisticsRow(CaseLabels.Channel(c.Channel), c.Line))],
            [.. result.ByDepartment.Select(d => new StatisticsRow(names.Department(d.DepartmentId), d.Line))]);
    }
}

/// <summary>Category and department names by id; a case not yet assessed has no category.</summary>
public sealed record StatisticsNames(IReadOnlyDictionary<int, string> Categories, IReadOnlyDictionary<int, string> Departments)
{
    public string Category(int? id) =>
        id is null ? DeadlineText.Stats_NotAssessed : Categories.TryGetValue(id.Value, out var name) ? name : id.Value.ToString(CultureInfo.CurrentCulture);

    public string Department(int id) => Departments.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.CurrentCulture);
}
