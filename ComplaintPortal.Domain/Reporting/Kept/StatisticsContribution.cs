using System.Globalization;
using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>One complaint as stored at one moment (before or after a change), for its part in the kept statistics.</summary>
public sealed record CountedCase(DateTimeOffset ReceivedAt, CaseStage Stage, int? CategoryId, ComplaintChannel Channel, bool? Satisfied, bool? Attitude,
    bool Reopened, bool Repeat, string? Product, string? CustomerGroup, string? Location);

/// <summary>One of the complaint's department tasks as stored, for its part in the kept statistics.</summary>
public sealed record CountedTask(int DepartmentId, string? SolutionTypeCode, string? CauseCategoryCode, bool HasFindings);

/// <summary>
/// What one complaint with its tasks adds to the kept statistics: the lines <see cref="ComplaintStatistics"/> counts it
/// on, for the whole organisation and for each department it was sent to (a head's statistics), by the same rules.
/// </summary>
public static class StatisticsContribution
{
    /// <summary>Adds the complaint's part to <paramref name="counts"/> (× <paramref name="sign"/>).</summary>
    public static void AddTo(Dictionary<(int Month, int Scope, StatisticsCountLine Line, string Key), StatisticsCount> counts, CountedCase complaint,
        IReadOnlyList<CountedTask> tasks, TimeZoneInfo zone, int sign)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(tasks);
        if (!ComplaintStatistics.IsComplaint(complaint.Stage))
        {
            return;
        }

        var month = TimelinessContribution.MonthOf(complaint.ReceivedAt, zone);
        var figures = Figures(complaint);
        var departments = tasks.Select(t => t.DepartmentId).Distinct().ToList();
        AddScope(StatisticsCount.WholeOrganisation, tasks);
        foreach (var department in departments)
        {
            // A head reads only the complaints sent to their department, and only what their own department did with them.
            AddScope(department, [.. tasks.Where(t => t.DepartmentId == department)]);
        }

        void AddScope(int scope, IReadOnlyList<CountedTask> own)
        {
            void Add(StatisticsCountLine line, string key)
            {
                if (!counts.TryGetValue((month, scope, line, key), out var cell))
                {
                    cell = new StatisticsCount { Month = month, Scope = scope, Line = line, Key = key };
                    counts[(month, scope, line, key)] = cell;
                }

                cell.Add(figures, sign);
            }

            Add(StatisticsCountLine.Total, "");
            Add(StatisticsCountLine.Category, complaint.CategoryId is { } category ? Number(category) : "");
            Add(StatisticsCountLine.Channel, complaint.Channel.ToString());
            foreach (var department in own.Select(t => t.DepartmentId).Distinct())
            {
                Add(StatisticsCountLine.Department, Number(department));
            }

            foreach (var solution in own.Select(t => t.SolutionTypeCode).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                Add(StatisticsCountLine.Solution, solution);
            }

            var causes = own.Select(t => t.CauseCategoryCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            foreach (var cause in causes)
            {
                Add(StatisticsCountLine.Cause, cause);
            }

            if (causes.Count == 0 && own.Any(t => t.HasFindings))
            {
                Add(StatisticsCountLine.Cause, "");
            }

            Add(StatisticsCountLine.Product, complaint.Product ?? "");
            Add(StatisticsCountLine.CustomerGroup, complaint.CustomerGroup ?? "");
            Add(StatisticsCountLine.Location, complaint.Location ?? "");
            Add(StatisticsCountLine.Hour, Number(ReceivedTimes.HourOf(complaint.ReceivedAt, zone)));
            Add(StatisticsCountLine.Weekday, Number(ReceivedTimes.WeekdayOf(complaint.ReceivedAt, zone)));
        }
    }

    /// <summary>The key of a line held by a number (a category, a department, an hour, a weekday).</summary>
    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The complaint's figures, by the rules the statistics count with (<see cref="StatisticsFigures"/>).</summary>
    private static StatisticsLine Figures(CountedCase c) => StatisticsLine.Of([new ComplaintStatistics.Fact
    {
        ReceivedAt = c.ReceivedAt, CategoryId = c.CategoryId, Channel = c.Channel, Stage = c.Stage, Satisfied = c.Satisfied, Attitude = c.Attitude,
        Reopened = c.Reopened, Repeat = c.Repeat,
    }]);
}
