using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Reports;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>The timeliness page's headline: the seed's rate first, the resolution rate against 95 %, every count opening its cases.</summary>
public sealed class TimelinessFigureTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Headline_shows_the_seeds_rate_and_a_click_loads_the_cases_behind_that_figure_a_page_at_a_time()
    {
        await using var ctx = Context();
        // Four complaints: one closed on time, one closed with a late task, one open past its limit, one withdrawn in time.
        var row = new ComplaintCounts(null, Complaints: 4, OnTime: 2, OpenWithinLimits: 0, Resolved: 2);
        FigureSelection? picked = null;

        var cut = ctx.Render<TimelinessSummary>(p => p.Add(s => s.Row, row).Add(s => s.Selected, (FigureSelection f) => picked = f));

        Assert.Equal("50.0%", cut.Find("[data-test=headline-rate]").TextContent.Trim());
        Assert.Equal("50.0%", cut.Find("[data-test=headline-resolution]").TextContent.Trim());
        Assert.Equal(("未達標", "false"), (cut.Find("[data-test=target]").TextContent.Trim(), cut.Find("[data-test=target]").GetAttribute("data-met")));
        Assert.Contains("投訴處理及時率 = ", cut.Find("[data-test=how-seed-rate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("95%", cut.Find("[data-test=how-resolution]").TextContent, StringComparison.Ordinal);

        foreach (var (figure, expected, count) in new[]
                 {
                     ("headline-on-time", TimelinessFigure.OnTime, 2),
                     ("headline-late", TimelinessFigure.Late, 2),
                     ("headline-resolved", TimelinessFigure.Resolved, 2),
                     ("headline-all", TimelinessFigure.Complaints, 4),
                 })
        {
            var link = cut.Find($"[data-figure={figure}]");
            Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), link.GetAttribute("data-count"));
            await cut.InvokeAsync(() => link.Click());
            Assert.Equal((expected, count, (int?)null), (picked!.Figure, picked.Count, picked.DepartmentId));
        }

        // The list is read only now, from the server, one page at a time.
        var requests = new List<(TimelinessFigure, int, int)>();
        var selection = new FigureSelection("全部投訴", TimelinessFigure.Complaints, null, 12);
        var list = ctx.Render<TimelinessCases>(p => p.Add(c => c.Selection, selection).Add(c => c.Load, (FigureSelection f, int skip, int take) =>
        {
            requests.Add((f.Figure, skip, take));
            return Task.FromResult<IReadOnlyList<FigureRow>>([.. Enumerable.Range(skip, Math.Min(take, f.Count - skip)).Select(i => Row($"C-{i:00}"))]);
        }));

        list.WaitForAssertion(() => Assert.Equal(10, list.FindAll("[data-case]").Count));
        Assert.Equal([(TimelinessFigure.Complaints, 0, 10)], requests);
        Assert.Equal("全部投訴：12 件", selection.Heading);
    }

    [Theory]
    [InlineData(false, "未達標", "false", true)]
    [InlineData(true, "尚未達標 · 本期未結束", "open", false)]
    public async Task A_resolution_rate_below_target_is_a_miss_once_the_period_is_over_and_not_yet_while_it_runs(
        bool periodOpen, string chip, string met, bool red)
    {
        await using var ctx = Context();
        // Three of four complaints still being handled: 25 % resolved against 95 %.
        var row = new ComplaintCounts(null, Complaints: 4, OnTime: 4, OpenWithinLimits: 3, Resolved: 1);

        var cut = ctx.Render<TimelinessSummary>(p => p.Add(s => s.Row, row).Add(s => s.PeriodOpen, periodOpen));

        var target = cut.Find("[data-test=target]");
        Assert.Equal((chip, met), (target.TextContent.Trim(), target.GetAttribute("data-met")));
        Assert.Equal(red, cut.Find("[data-test=headline-resolution]").ClassList.Contains("mud-error-text"));
        // A rate at or above target reads as met either way.
        Assert.Equal(TargetReading.Met, TimelinessTarget.Read(true, periodOpen));
    }

    [Fact]
    public async Task Late_case_lists_the_deadlines_it_missed_in_words()
    {
        await using var ctx = Context();
        var figure = new FigureSelection("未按時處理", TimelinessFigure.Late, null, 1);

        var cut = ctx.Render<TimelinessCases>(p => p.Add(c => c.Selection, figure).Add(c => c.Load, (FigureSelection _, int _, int _) =>
            Task.FromResult<IReadOnlyList<FigureRow>>([Row("LATE-TASK", DeadlineKind.DepartmentTask, DeadlineKind.Completion)])));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-case]")));
        Assert.Equal("未按時處理：1 件", figure.Heading);
        var text = cut.Find("[data-test=figure-cases] tbody").TextContent;
        Assert.Contains("轉辦任務、辦結", text, StringComparison.Ordinal);
        Assert.Contains("已結案", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DepartmentTask", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_not_yet_met_says_still_open_where_a_met_one_shows_when()
    {
        await using var ctx = Context();
        var figure = new FigureSelection("全部投訴", TimelinessFigure.Complaints, null, 3);
        FigureRow[] rows = [Row("OPEN", DeadlineKind.Completion), Row("MET", DeadlineKind.Completion) with { MetAt = Due.AddHours(-2) }, Row("ON-TIME")];

        var cut = ctx.Render<TimelinessCases>(p => p.Add(c => c.Selection, figure).Add(c => c.Load, (FigureSelection _, int _, int _) =>
            Task.FromResult<IReadOnlyList<FigureRow>>(rows)));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-case]").Count));
        var metCells = cut.FindAll("[data-test=figure-cases] tbody tr").Select(r => r.QuerySelectorAll("td").Last().TextContent.Trim()).ToList();
        Assert.Equal("尚未完成", metCells[0]);
        Assert.NotEqual("尚未完成", metCells[1]);
        Assert.StartsWith("2026/3/3", metCells[1], StringComparison.Ordinal);
        // A complaint that missed no deadline has nothing to complete late: not "still open" beside its closed stage.
        Assert.Equal("", metCells[2]);
        // On a list of complaints the kinds are those it missed.
        Assert.Contains("超期的期限", cut.Find("[data-test=figure-cases] thead").TextContent, StringComparison.Ordinal);
    }

    private static PortalComponentContext Context()
    {
        var clock = new OrganisationClock(new SettableTimeProvider(Due), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        return new PortalComponentContext("zh-Hant", services => services.AddSingleton(clock));
    }

    [Fact]
    public void A_figure_s_list_is_headed_with_its_count_grouped_as_the_figure_shows_it()
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");

            Assert.Equal("23:00–24:00 · 受理投诉：1,770 件", FigureSelection.HeadingOf("23:00–24:00 · 受理投诉", 1770));
            Assert.Equal("全部投诉：1 件", FigureSelection.HeadingOf("全部投诉", 1));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static FigureRow Row(string number, params DeadlineKind[] missed) =>
        new(number.GetHashCode(StringComparison.Ordinal), number, CaseStage.Closed, missed, null, missed.Length > 0 ? Due : null, null);
}
