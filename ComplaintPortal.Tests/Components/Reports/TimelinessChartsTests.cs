using AngleSharp.Dom;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Reports;
using static ComplaintPortal.Tests.Infrastructure.ChartMarkup;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>The timeliness page's charts: a 0 % bar still reads as a value, and two equal rates both show on the trend.</summary>
public sealed class TimelinessChartsTests
{
    // Two departments with nothing handled on time and nothing resolved: every bar is 0 %.
    private static readonly ComplaintCounts[] NothingOnTime = [new(1, 5, 0, 0, 0), new(2, 1, 0, 0, 0)];

    // Three months in which the seed's rate and the resolution rate are the same.
    private static readonly MonthlyComplaintTimeliness[] EqualRates =
        [new(2026, 1, 2, 0, 0), new(2026, 2, 2, 1, 1), new(2026, 3, 4, 4, 4)];

    [Fact]
    public async Task Every_bar_carries_its_value_so_a_zero_rate_reads_0_on_an_axis_of_0_to_100_percent()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");

        var chart = Render(ctx).Find("[data-test=chart-departments]");
        var bars = chart.QuerySelector("svg")!;

        // Plain numbers under an axis titled %, so that "100" fits over a bar beside another (app.css sets their type smaller).
        Assert.Contains("portal-rate-bars", chart.QuerySelector(".mud-chart")!.ClassList);
        Assert.Equal(["0", "20", "40", "60", "80", "100"], Texts(bars.QuerySelectorAll(".mud-charts-yaxis text")));
        // One label per bar: two departments, two rates each.
        Assert.Equal(["0", "0", "0", "0"], Texts(bars.QuerySelectorAll("text.mud-chart-value-label")));
    }

    [Fact]
    public async Task Department_names_slant_when_more_than_a_half_width_chart_holds_upright()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var five = Enumerable.Range(1, TimelinessCharts.UprightLabels + 1).Select(id => new ComplaintCounts(id, 2, 1, 1, 1)).ToArray();

        var few = ctx.Render<TimelinessCharts>(p => p.Add(c => c.Departments, NothingOnTime).Add(c => c.Trend, EqualRates)
            .Add(c => c.DepartmentName, (int id) => $"部门{id}"));
        var many = ctx.Render<TimelinessCharts>(p => p.Add(c => c.Departments, five).Add(c => c.Trend, EqualRates)
            .Add(c => c.DepartmentName, (int id) => $"部门{id}"));

        Assert.All(few.FindAll("[data-test=chart-departments] .mud-charts-xaxis text"), label => Assert.Equal(0, Angle(label)));
        var slanted = many.FindAll("[data-test=chart-departments] .mud-charts-xaxis text");
        Assert.Equal(TimelinessCharts.UprightLabels + 1, slanted.Count);
        Assert.All(slanted, label => Assert.NotEqual(0, Angle(label)));
        // Slanted names get room on the left (app.css), upright ones do not need it.
        Assert.Contains("portal-rate-bars-slanted", many.Find("[data-test=chart-departments] .portal-rate-bars").ClassList);
        Assert.DoesNotContain("portal-rate-bars-slanted", few.Find("[data-test=chart-departments] .portal-rate-bars").ClassList);
        // and the browser pads the chart further where a long name still hangs past it (portal.js; the browser test measures it).
        Assert.Equal("PORTAL-CHART-FIT", many.Find("[data-test=chart-departments] .portal-rate-bars").ParentElement!.TagName);
    }

    [Fact]
    public async Task Trend_draws_the_seeds_rate_first_then_the_resolution_rate_over_it_in_the_styled_colours_with_a_legend()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");

        var trend = Render(ctx).Find("[data-test=chart-trend]");

        // app.css styles the lines by colour (wide blue underneath, dashed green on top, dotted amber target).
        Assert.Contains("portal-rate-lines", trend.QuerySelector(".mud-chart")!.ClassList);
        var lines = trend.QuerySelectorAll("path.mud-chart-line").ToList();
        Assert.Equal(TimelinessCharts.Palette, lines.Select(l => l.GetAttribute("stroke")));
        // Equal rates: the same path, which only the styles keep apart.
        Assert.Equal(lines[0].GetAttribute("d"), lines[1].GetAttribute("d"));
        Assert.Equal(["投诉处理及时率", "投诉解决率", "解决率目标 95%"], Texts(trend.QuerySelectorAll(".mud-chart-legend-item")));
        Assert.Equal(TimelinessCharts.Palette, trend.QuerySelectorAll(".mud-chart-legend-marker").Select(m => Colour(m.GetAttribute("style"))));
        Assert.Equal("0%", trend.QuerySelector(".mud-charts-yaxis text")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_running_months_resolution_rate_is_said_under_the_trend_not_drawn_as_a_fall()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        // March is running: one of its four complaints closed so far, all on time so far.
        MonthlyComplaintTimeliness[] months = [new(2026, 1, 2, 2, 2), new(2026, 2, 2, 2, 2), new(2026, 3, 4, 4, 1)];

        var running = ctx.Render<TimelinessCharts>(p => p.Add(c => c.Departments, NothingOnTime).Add(c => c.Trend, months)
            .Add(c => c.DepartmentName, (int id) => $"部门{id}").Add(c => c.RunningMonth, (2026, 3))).Find("[data-test=chart-trend]");
        var ended = ctx.Render<TimelinessCharts>(p => p.Add(c => c.Departments, NothingOnTime).Add(c => c.Trend, months)
            .Add(c => c.DepartmentName, (int id) => $"部门{id}").Add(c => c.RunningMonth, (2026, 4))).Find("[data-test=chart-trend]");

        // The seed's rate keeps its three points; the resolution rate stops at February (its path has one point fewer).
        var lines = running.QuerySelectorAll("path.mud-chart-line").Select(l => Points(l.GetAttribute("d"))).ToList();
        Assert.Equal([3, 2], lines.Take(2));
        Assert.Equal("2026年3月尚未结束：本月解决率（目前 25.0%）待月末计入趋势线。本月受理的投诉大多仍在处理中，现在画出会让每月月初都出现一个低谷。",
            running.QuerySelector("[data-test=trend-running-month]")!.TextContent.Trim());
        // Once April comes, March is drawn like any other month, with nothing said.
        Assert.Equal([3, 3], ended.QuerySelectorAll("path.mud-chart-line").Select(l => Points(l.GetAttribute("d"))).Take(2));
        Assert.Null(ended.QuerySelector("[data-test=trend-running-month]"));
    }

    /// <summary>How many points an SVG path joins (its move and line commands).</summary>
    private static int Points(string? path) => path!.Count(c => c is 'M' or 'L' or 'C');

    private static IRenderedComponent<TimelinessCharts> Render(PortalComponentContext ctx) =>
        ctx.Render<TimelinessCharts>(p => p
            .Add(c => c.Departments, NothingOnTime)
            .Add(c => c.Trend, EqualRates)
            .Add(c => c.DepartmentName, (int id) => id == 1 ? "客服中心（投诉室）" : "质量部"));
}
