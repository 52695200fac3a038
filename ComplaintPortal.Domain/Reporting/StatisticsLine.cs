using System.Linq.Expressions;
using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// One line of the statistics (統計分析): the complaints received in the period under one key (a category, a channel, a
/// department, or all of them), how many are closed, how many callbacks asked about the result and how many of those found
/// the customer satisfied, how many were reopened, how many came from a caller who had complained before, and how many
/// callbacks asked about the staff's attitude and how many of those found the customer satisfied (the plaza's 态度满意率).
/// </summary>
public sealed record StatisticsLine(int Received, int Closed, int Surveyed, int Satisfied, int Reopened, int RepeatCallers,
    int AttitudeSurveyed = 0, int AttitudeSatisfied = 0)
{
    public static readonly StatisticsLine Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>Satisfied with the result out of those asked at the callback, in per cent to one decimal; null when nobody was asked.</summary>
    public decimal? SatisfactionRate => Rate(Satisfied, Surveyed);

    /// <summary>Satisfied with the staff's attitude out of those asked, in per cent to one decimal; null when nobody was asked.</summary>
    public decimal? AttitudeRate => Rate(AttitudeSatisfied, AttitudeSurveyed);

    /// <summary>How many complaints <paramref name="figure"/> counts on this line.</summary>
    public int Count(StatisticsFigure figure) => figure switch
    {
        StatisticsFigure.Received => Received,
        StatisticsFigure.Closed => Closed,
        StatisticsFigure.Surveyed => Surveyed,
        StatisticsFigure.Satisfied => Satisfied,
        StatisticsFigure.Reopened => Reopened,
        StatisticsFigure.RepeatCallers => RepeatCallers,
        StatisticsFigure.AttitudeSurveyed => AttitudeSurveyed,
        StatisticsFigure.AttitudeSatisfied => AttitudeSatisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(figure)),
    };

    /// <summary>This line and <paramref name="other"/> added together (complaints of each counted once).</summary>
    public StatisticsLine Plus(StatisticsLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Received + other.Received, Closed + other.Closed, Surveyed + other.Surveyed, Satisfied + other.Satisfied, Reopened + other.Reopened,
            RepeatCallers + other.RepeatCallers, AttitudeSurveyed + other.AttitudeSurveyed, AttitudeSatisfied + other.AttitudeSatisfied);
    }

    /// <summary>The lines added together.</summary>
    public static StatisticsLine Sum(IEnumerable<StatisticsLine> lines) => lines.Aggregate(Empty, (sum, line) => sum.Plus(line));

    private static decimal? Rate(int satisfied, int asked) => asked == 0 ? null : Math.Round(satisfied * 100m / asked, 1, MidpointRounding.AwayFromZero);

    internal static StatisticsLine Of(IReadOnlyCollection<ComplaintStatistics.Fact> facts) => new(
        facts.Count,
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.Closed)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.Surveyed)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.Satisfied)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.Reopened)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.RepeatCallers)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.AttitudeSurveyed)),
        facts.Count(StatisticsFigures.Counted(StatisticsFigure.AttitudeSatisfied)));
}

/// <summary>One figure of a statistics line, whose cases can be listed.</summary>
public enum StatisticsFigure
{
    Received = 0,
    Closed = 1,
    /// <summary>Asked at the callback whether the result satisfied them.</summary>
    Surveyed = 2,
    Satisfied = 3,
    Reopened = 4,
    RepeatCallers = 5,
    /// <summary>Asked at the callback whether the staff's attitude satisfied them.</summary>
    AttitudeSurveyed = 6,
    AttitudeSatisfied = 7,
}

/// <summary>
/// Which complaints each figure counts: one rule, used both to count a period's complaints (in memory) and to list the
/// cases behind a figure (in the database), so that a list is always as long as its figure.
/// </summary>
public static class StatisticsFigures
{
    private static readonly Dictionary<StatisticsFigure, Expression<Func<ComplaintStatistics.Fact, bool>>> Rules = new()
    {
        [StatisticsFigure.Received] = f => true,
        [StatisticsFigure.Closed] = f => f.Stage == CaseStage.Closed,
        [StatisticsFigure.Surveyed] = f => f.Satisfied != null,
        [StatisticsFigure.Satisfied] = f => f.Satisfied == true,
        [StatisticsFigure.Reopened] = f => f.Reopened,
        [StatisticsFigure.RepeatCallers] = f => f.Repeat,
        [StatisticsFigure.AttitudeSurveyed] = f => f.Attitude != null,
        [StatisticsFigure.AttitudeSatisfied] = f => f.Attitude == true,
    };

    private static readonly Dictionary<StatisticsFigure, Func<ComplaintStatistics.Fact, bool>> Compiled =
        Rules.ToDictionary(r => r.Key, r => r.Value.Compile());

    internal static Expression<Func<ComplaintStatistics.Fact, bool>> Rule(StatisticsFigure figure) =>
        Rules.TryGetValue(figure, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(figure));

    internal static Func<ComplaintStatistics.Fact, bool> Counted(StatisticsFigure figure) =>
        Compiled.TryGetValue(figure, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(figure));
}
