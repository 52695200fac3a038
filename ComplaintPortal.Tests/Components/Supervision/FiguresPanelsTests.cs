using AngleSharp.Dom;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Reports;
using ComplaintPortal.Web.Features.Supervision;
using static ComplaintPortal.Tests.Infrastructure.ChartMarkup;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>
/// The reward-and-penalty figures' chart and checklist-item table: rates on a 0-100 % axis with their values, department
/// names that do not run into each other, and a period without spot-check results said in words, not an empty table.
/// </summary>
public sealed class FiguresPanelsTests
{
    private static readonly string[] DepartmentNames = ["客服中心（投诉室）", "研发部", "生产部", "质量部", "销售部", "技术支持部", "工程部"];

    [Fact]
    public async Task Chart_draws_the_rates_as_the_timeliness_pages_bars_and_the_pass_rate_only_once_a_department_was_checked()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var passedOnce = new ItemTally("ACK", "受理及时", "受理及時", "Acknowledged in time", 1, 0, 0);

        var before = RenderChart(ctx, departments: 3).Find("[data-test=figures-chart]");
        var after = RenderChart(ctx, departments: 3, items: [passedOnce]).Find("[data-test=figures-chart]");

        Assert.Equal(["0", "20", "40", "60", "80", "100"], Texts(before.QuerySelectorAll(".mud-charts-yaxis text")));
        Assert.Contains("portal-rate-bars", before.QuerySelector(".mud-chart")!.ClassList);
        // In the element that pads the chart where a long slanted name hangs past it (portal.js), as on the timeliness page.
        Assert.Equal("PORTAL-CHART-FIT", before.QuerySelector(".mud-chart")!.ParentElement!.TagName);
        // Each of three departments on time at 50 %; no spot check yet, so no pass-rate chart whose bars would read 0.
        Assert.Equal(["50", "50", "50"], ValueLabels(before));
        Assert.Null(before.QuerySelector("[data-test=figures-chart-pass]"));
        Assert.Equal(["及时率"], Texts(before.QuerySelectorAll(".mud-chart-legend-item")));
        Assert.Equal(["50", "50", "50"], ValueLabels(after.QuerySelector("[data-test=figures-chart-on-time]")!));
        Assert.Equal(["100", "100", "100"], ValueLabels(after.QuerySelector("[data-test=figures-chart-pass]")!));
        Assert.Equal(["及时率", "抽查合格率"], Texts(after.QuerySelectorAll(".mud-chart-legend-item")));
        Assert.Equal(TimelinessCharts.Palette.Take(2), after.QuerySelectorAll(".mud-chart-legend-marker").Select(m => Colour(m.GetAttribute("style"))));
    }

    [Fact]
    public async Task A_department_never_checked_gets_no_pass_rate_bar_beside_those_that_were()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var passedOnce = new ItemTally("ACK", "受理及时", "受理及時", "Acknowledged in time", 1, 0, 0);
        var all = Figures(3, []);
        var figures = all with { Departments = [.. all.Departments.Select(d => d.DepartmentId == 1 ? d with { Items = [passedOnce] } : d)] };

        var chart = ctx.Render<FiguresChart>(p => p.Add(c => c.Figures, figures).Add(c => c.Names, Names(3))).Find("[data-test=figures-chart]");

        // Three on-time bars; the pass rate only for the department checked: the others read as no bar, not as a bar labelled 0.
        Assert.Equal(["50", "50", "50"], ValueLabels(chart.QuerySelector("[data-test=figures-chart-on-time]")!));
        var pass = chart.QuerySelector("[data-test=figures-chart-pass]")!;
        Assert.Equal(["100"], ValueLabels(pass));
        Assert.Equal([DepartmentNames[0]], Texts(pass.QuerySelectorAll(".mud-charts-xaxis text")));
    }

    [Fact]
    public async Task Department_names_stand_upright_when_few_and_slant_when_many_share_the_axis()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");

        var few = AxisLabels(RenderChart(ctx, departments: FiguresChart.UprightLabels));
        var many = AxisLabels(RenderChart(ctx, departments: FiguresChart.UprightLabels + 1));

        Assert.Equal(DepartmentNames.Take(FiguresChart.UprightLabels), Texts(few));
        Assert.All(few, label => Assert.Equal(0, Angle(label)));
        Assert.Equal(DepartmentNames.Take(FiguresChart.UprightLabels + 1), Texts(many));
        Assert.All(many, label => Assert.NotEqual(0, Angle(label)));
    }

    [Fact]
    public async Task A_period_without_spot_check_results_says_so_instead_of_an_empty_table()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var withoutResults = Figures(3, items: [new("ACK", "受理及时", "受理及時", "Acknowledged in time", 0, 0, 0)]);
        var checkedOnce = Figures(3, items: [new("ACK", "受理及时", "受理及時", "Acknowledged in time", 1, 0, 0)]);

        var none = ctx.Render<FiguresItems>(p => p.Add(c => c.Figures, withoutResults).Add(c => c.Names, Names(3)));
        var some = ctx.Render<FiguresItems>(p => p.Add(c => c.Figures, checkedOnce).Add(c => c.Names, Names(3)));

        Assert.Equal("本期尚无抽查结果。", none.Find("[data-test=figures-items-none]").TextContent);
        Assert.Empty(none.FindAll("[data-test=figures-items]"));
        Assert.Equal("受理及时", some.Find("[data-test=figures-items] tr[data-item=ACK] td").TextContent);
        Assert.Empty(some.FindAll("[data-test=figures-items-none]"));
    }

    private static IRenderedComponent<FiguresChart> RenderChart(PortalComponentContext ctx, int departments, IReadOnlyList<ItemTally>? items = null) =>
        ctx.Render<FiguresChart>(p => p.Add(c => c.Figures, Figures(departments, items ?? [])).Add(c => c.Names, Names(departments)));

    private static List<string> ValueLabels(IElement chart) =>
        Texts(chart.QuerySelectorAll("svg text.mud-chart-value-label"));

    private static PeriodFigures Figures(int departments, IReadOnlyList<ItemTally> items) => new(
        "2026-11", DateTimeOffset.UnixEpoch,
        Enumerable.Range(1, departments).Select(id => new DepartmentFigures(id, new CaseCounts(2, 1, 0, 0, 0), items, new NoticeCounts(0, 0, 0))).ToList(),
        [], items);

    private static SupervisionNames Names(int departments) => new(
        Enumerable.Range(1, departments).ToDictionary(id => id, id => new Department($"D{id}", DepartmentNames[id - 1], DepartmentNames[id - 1], $"D{id}", DepartmentKind.Operational)),
        new Dictionary<int, Domain.Cases.Category>());

    private static List<IElement> AxisLabels(IRenderedComponent<FiguresChart> chart) => chart.FindAll(".mud-charts-xaxis text").ToList();
}
