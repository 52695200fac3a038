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
    public async Task Headline_shows_the_seeds_rate_and_each_count_lists_exactly_the_cases_behind_it()
    {
        await using var ctx = Context();
        var row = new ComplaintTimelinessRow(null,
        [
            Verdict("ON-TIME", CaseStage.Closed),
            Verdict("LATE-TASK", CaseStage.Closed, DeadlineKind.DepartmentTask),
            Verdict("OPEN-LATE", CaseStage.InDepartments, DeadlineKind.Completion),
            Verdict("WITHDRAWN", CaseStage.Withdrawn),
        ]);
        FigureCases? picked = null;

        var cut = ctx.Render<TimelinessSummary>(p => p.Add(s => s.Row, row).Add(s => s.Selected, (FigureCases f) => picked = f));

        Assert.Equal("50.0%", cut.Find("[data-test=headline-rate]").TextContent.Trim());
        Assert.Equal("50.0%", cut.Find("[data-test=headline-resolution]").TextContent.Trim());
        Assert.Equal(("未達標", "false"), (cut.Find("[data-test=target]").TextContent.Trim(), cut.Find("[data-test=target]").GetAttribute("data-met")));
        Assert.Contains("投訴處理及時率 = ", cut.Find("[data-test=how-seed-rate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("95%", cut.Find("[data-test=how-resolution]").TextContent, StringComparison.Ordinal);

        foreach (var (figure, expected) in new[]
                 {
                     ("headline-on-time", new[] { "ON-TIME", "WITHDRAWN" }),
                     ("headline-late", ["LATE-TASK", "OPEN-LATE"]),
                     ("headline-resolved", ["ON-TIME", "LATE-TASK"]),
                     ("headline-all", ["ON-TIME", "LATE-TASK", "OPEN-LATE", "WITHDRAWN"]),
                 })
        {
            var link = cut.Find($"[data-figure={figure}]");
            await cut.InvokeAsync(() => link.Click());
            Assert.Equal(int.Parse(link.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture), picked!.Cases.Count);
            var list = ctx.Render<TimelinessCases>(p => p.Add(c => c.Selection, picked));
            Assert.Equal(expected, list.FindAll("[data-case]").Select(a => a.GetAttribute("data-case")));
        }
    }

    [Fact]
    public async Task Late_case_lists_the_deadlines_it_missed_in_words()
    {
        await using var ctx = Context();
        var figure = FigureCases.Of("未按時處理", [Verdict("LATE-TASK", CaseStage.Closed, DeadlineKind.DepartmentTask, DeadlineKind.Completion)]);

        var cut = ctx.Render<TimelinessCases>(p => p.Add(c => c.Selection, figure));

        Assert.Equal("未按時處理：1 件", cut.Find("[data-test=figure-title]").TextContent.Trim());
        var text = cut.Find("[data-test=figure-cases] tbody").TextContent;
        Assert.Contains("轉辦任務、辦結", text, StringComparison.Ordinal);
        Assert.Contains("已結案", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DepartmentTask", text, StringComparison.Ordinal);
    }

    private static PortalComponentContext Context()
    {
        var clock = new OrganisationClock(new SettableTimeProvider(Due), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        return new PortalComponentContext("zh-Hant", services => services.AddSingleton(clock));
    }

    private static ComplaintVerdict Verdict(string number, CaseStage stage, params DeadlineKind[] missed) =>
        new(number.GetHashCode(StringComparison.Ordinal), number, stage,
            [.. missed.Select(k => new MissedDeadline(1, number, 1, k, Due, null))]);
}
