using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Supervision;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>
/// The figures by department and by handler rank by any column: a click sorts ascending, a second descending, and a rate
/// with nothing to divide by stays last either way. Handlers come a page at a time.
/// </summary>
public sealed class FiguresTablesTests
{
    private static readonly SupervisionNames Names = new(
        new Dictionary<int, Department>
        {
            [1] = new("CS", "客服中心（投诉室）", "客服中心（投訴室）", "Customer Service", DepartmentKind.Operational),
            [2] = new("QA", "质量部", "品質部", "Quality", DepartmentKind.Operational),
            [3] = new("RD", "研发部", "研發部", "R&D", DepartmentKind.Operational),
        },
        new Dictionary<int, Domain.Cases.Category>());

    /// <summary>On time: 1 of 4 (25 %), 3 of 4 (75 %), and none handled (no rate); notices overdue 2, 0, 1.</summary>
    private static readonly PeriodFigures Figures = new("2026-11", DateTimeOffset.UnixEpoch,
        [
            new DepartmentFigures(1, new CaseCounts(4, 1, 0, 0, 0), [], new NoticeCounts(2, 0, 2)),
            new DepartmentFigures(2, new CaseCounts(4, 3, 0, 0, 0), [], new NoticeCounts(1, 1, 0)),
            new DepartmentFigures(3, CaseCounts.None, [], new NoticeCounts(1, 0, 1)),
        ],
        [
            new HandlerFigures("u-1", "王芳", 1, new CaseCounts(4, 1, 2, 1, 1)),
            new HandlerFigures("u-2", "李强", 2, new CaseCounts(2, 2, 0, 0, 0)),
            new HandlerFigures("u-3", "陈刚", 3, new CaseCounts(6, 3, 3, 3, 0)),
        ],
        []);

    [Fact]
    public async Task Departments_rank_by_a_rate_either_way_with_those_without_one_last()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var table = ctx.Render<FiguresByDepartment>(p => p.Add(c => c.Figures, Figures).Add(c => c.Names, Names));
        string[] Order() => table.FindAll("tbody tr").Select(r => r.GetAttribute("data-department")!).ToArray();
        string Aria(string column) => table.Find($"[data-column={column}]").ParentElement!.GetAttribute("aria-sort")!;

        Assert.Equal(["1", "2", "3"], Order());
        Assert.Equal("none", Aria("OnTime"));

        table.Find("[data-column=OnTime]").Click();
        Assert.Equal(["1", "2", "3"], Order());
        Assert.Equal("ascending", Aria("OnTime"));
        table.Find("[data-column=OnTime]").Click();
        Assert.Equal(["2", "1", "3"], Order());
        Assert.Equal("descending", Aria("OnTime"));

        // Another column starts ascending; the one before goes back to unsorted.
        table.Find("[data-column=NoticesOverdue]").Click();
        Assert.Equal(["2", "3", "1"], Order());
        Assert.Equal("none", Aria("OnTime"));
        Assert.Equal("ascending", Aria("NoticesOverdue"));
        Assert.Contains("portal-sort-active", table.Find("[data-column=NoticesOverdue]").ClassList);
    }

    [Fact]
    public async Task Handlers_rank_by_name_in_the_readers_language_and_by_their_department_or_satisfaction()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var table = ctx.Render<FiguresByHandler>(p => p.Add(c => c.Figures, Figures).Add(c => c.Names, Names));
        string[] Order() => table.FindAll("tbody tr").Select(r => r.GetAttribute("data-handler")!).ToArray();

        // By pinyin: Chen, Li, Wang.
        table.Find("[data-column=Name]").Click();
        Assert.Equal(["u-3", "u-2", "u-1"], Order());
        // 客服中心 (kè), 研发部 (yán), 质量部 (zhì).
        table.Find("[data-column=Department]").Click();
        Assert.Equal(["u-1", "u-3", "u-2"], Order());
        // Satisfied 1 of 2 (50 %), 3 of 3 (100 %), none asked (no rate: last both ways).
        table.Find("[data-column=Satisfaction]").Click();
        Assert.Equal(["u-1", "u-3", "u-2"], Order());
        table.Find("[data-column=Satisfaction]").Click();
        Assert.Equal(["u-3", "u-1", "u-2"], Order());
    }

    [Fact]
    public async Task Sixty_handlers_come_twenty_five_to_a_page_and_a_column_clicked_ranks_them_all_from_the_first_page()
    {
        // Handler h-01 handled 1 case, h-60 sixty.
        var handlers = Enumerable.Range(1, 60)
            .Select(i => new HandlerFigures($"h-{i:00}", $"处理人{i:00}", 1 + (i % 3), new CaseCounts(i, i, 0, 0, 0)))
            .ToList();
        await using var ctx = new PortalComponentContext("zh-Hans");
        var table = ctx.Render<FiguresByHandler>(p => p.Add(c => c.Figures, Figures with { Handlers = handlers }).Add(c => c.Names, Names));
        string[] Shown() => table.FindAll("tbody tr").Select(r => r.GetAttribute("data-handler")!).ToArray();
        string Rows() => table.Find("[data-test=table-pager-rows]").TextContent;

        Assert.Equal([.. Enumerable.Range(1, 25).Select(i => $"h-{i:00}")], Shown());
        Assert.Equal("第 1–25 条，共 60 条", Rows());

        // The third page: the last ten.
        table.FindAll(".mud-pagination-item button").Single(b => b.TextContent.Trim() == "3").Click();
        Assert.Equal([.. Enumerable.Range(51, 10).Select(i => $"h-{i:00}")], Shown());
        Assert.Equal("第 51–60 条，共 60 条", Rows());

        // Most cases handled first, over all sixty, from the first page again.
        table.Find("[data-column=Handled]").Click();
        table.Find("[data-column=Handled]").Click();
        Assert.Equal([.. Enumerable.Range(36, 25).Reverse().Select(i => $"h-{i:00}")], Shown());
        Assert.Equal("第 1–25 条，共 60 条", Rows());
    }

    [Fact]
    public async Task Handlers_that_fit_on_one_page_have_no_pager()
    {
        await using var ctx = new PortalComponentContext("en");
        var table = ctx.Render<FiguresByHandler>(p => p.Add(c => c.Figures, Figures).Add(c => c.Names, Names));

        Assert.Equal(3, table.FindAll("tbody tr").Count);
        Assert.Empty(table.FindAll("[data-test=table-pager]"));
    }
}
