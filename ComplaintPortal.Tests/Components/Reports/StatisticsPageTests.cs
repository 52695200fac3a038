using ComplaintPortal.Domain.Cases;
using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>The statistics page over a real database: figures, breakdowns and hot spots in the reader's words, never codes or enum names.</summary>
public sealed class StatisticsPageTests : CasePageTest
{
    private async Task ReceivedAsync(int id, DateTimeOffset at, string category, ComplaintChannel channel, bool? satisfied = null, bool? attitude = null)
    {
        await using var db = Database.CreateContext();
        var categoryId = Driver.CategoryId(category);
        await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ReceivedAt, at).SetProperty(x => x.CategoryId, categoryId).SetProperty(x => x.Channel, channel)
            .SetProperty(x => x.SatisfiedWithResult, satisfied).SetProperty(x => x.SatisfiedWithAttitude, attitude).SetProperty(x => x.PhoneKey, "p" + id));
    }

    [Fact]
    public async Task A_leader_reads_the_month_by_type_channel_and_department_with_the_rising_type_named_a_hot_spot()
    {
        var ctx = Open();
        var march = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var open = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var february = await Driver.CaseInStageAsync(CaseStage.Registered);
        // Not yet assessed: counted, but no hot spot however many come.
        var unassessed = await Driver.CaseInStageAsync(CaseStage.Registered);
        await ReceivedAsync(closed.Id, march, CategoryCatalog.ProductQuality, ComplaintChannel.Hotline, satisfied: true, attitude: false);
        await ReceivedAsync(open.Id, march.AddHours(1), CategoryCatalog.ProductQuality, ComplaintChannel.WalkIn);
        await ReceivedAsync(february.Id, march.AddDays(-20), CategoryCatalog.Service, ComplaintChannel.Hotline);
        string solution;
        await using (var db = Database.CreateContext())
        {
            await db.Complaints.Where(c => c.Id == unassessed.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ReceivedAt, march.AddHours(2)));
            var kind = await db.SolutionTypes.OrderBy(t => t.SortOrder).FirstAsync();
            solution = kind.NameZhHans;
            await db.DepartmentTasks.Where(t => t.ComplaintId == closed.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.SolutionTypeCode, kind.Code)
                .SetProperty(x => x.CauseCategoryCode, "DESIGN"));
        }

        ctx.SignInAs(Driver.Leader);

        var cut = ctx.RenderPage<Statistics>();

        cut.WaitForElement("[data-test=by-category]");
        Assert.Equal("3", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-figure=closed] [data-test=figure]").TextContent.Trim());
        Assert.Equal("100.0%", cut.Find("[data-figure=satisfaction] [data-test=figure]").TextContent.Trim());
        Assert.Contains("回访 1 件，满意 1 件", cut.Find("[data-figure=satisfaction]").TextContent, StringComparison.Ordinal);
        Assert.Contains("处理结果满意率", cut.Find("[data-figure=satisfaction]").TextContent, StringComparison.Ordinal);
        // The staff's attitude, asked at the same callback: not satisfied. Shown by department, whose staff it was.
        Assert.Equal("0.0%", cut.Find("[data-figure=attitude] [data-test=figure]").TextContent.Trim());
        Assert.Contains("服务态度满意率", cut.Find("[data-figure=attitude]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.0%", cut.Find("[data-test=by-department] tbody [data-test=attitude]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-test=by-category] [data-test=attitude]"));
        // By type: quality up by two on February, service down by one; quality named the hot spot.
        var quality = cut.FindAll("[data-test=by-category] tbody tr").First();
        Assert.Contains("产品质量问题", quality.TextContent, StringComparison.Ordinal);
        Assert.Equal(("2", "0", "+2"), (quality.QuerySelector("[data-test=received]")!.TextContent, quality.QuerySelector("[data-test=before]")!.TextContent,
            quality.QuerySelector("[data-test=change]")!.TextContent));
        Assert.Equal("-1", cut.FindAll("[data-test=by-category] tbody tr").Single(r => r.TextContent.Contains("服务", StringComparison.Ordinal))
            .QuerySelector("[data-test=change]")!.TextContent);
        Assert.Equal(["产品质量问题 +2"], cut.FindAll("[data-test=hot-spots] [data-hot-spot]").Select(c => c.TextContent.Trim()));
        // The product rising against February (three in March, one then), on a line of its own.
        Assert.Equal(["XP-200 +2"], cut.FindAll("[data-test=hot-subjects] [data-hot-spot]").Select(c => c.TextContent.Trim()));
        Assert.Contains("产品、地点较上期增加最多", cut.Find("[data-test=hot-subjects]").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-test=by-category] tbody tr"), r => r.TextContent.Contains("尚未评估", StringComparison.Ordinal));
        // Channels and departments in words.
        var channels = cut.Find("[data-test=by-channel]").TextContent;
        Assert.Contains("热线", channels, StringComparison.Ordinal);
        Assert.DoesNotContain("WalkIn", channels, StringComparison.Ordinal);
        Assert.DoesNotContain("Hotline", channels, StringComparison.Ordinal);
        Assert.Contains("质量部", cut.Find("[data-test=by-department]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-test=by-department] [data-test=none]"));
        Assert.DoesNotContain("QUALITY", cut.Markup, StringComparison.Ordinal);
        // The kind of solution the departments chose, by its name.
        var solutionRow = Assert.Single(cut.FindAll("[data-test=by-solution] tbody tr"));
        Assert.Contains(solution, solutionRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", solutionRow.QuerySelector("[data-test=received]")!.TextContent.Trim());
        // The cause its department filed, by its name, ahead of any findings filed under none.
        var causeRow = cut.FindAll("[data-test=by-cause] tbody tr").First();
        Assert.Contains("设计缺陷", causeRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", causeRow.QuerySelector("[data-test=received]")!.TextContent.Trim());
        Assert.DoesNotContain("DESIGN", cut.Find("[data-test=by-cause]").TextContent, StringComparison.Ordinal);
        Assert.Contains("按投诉原因", cut.Find("[data-test=statistics-sections]").TextContent, StringComparison.Ordinal);
        // Filed in none of February's complaints: a cause rising, named at the top.
        Assert.Equal(["设计缺陷 +1"], cut.FindAll("[data-test=hot-causes] [data-hot-spot]").Select(c => c.TextContent.Trim()));
        // The charts: the types this period against the previous, and twelve months.
        Assert.NotNull(cut.Find("[data-test=chart-categories] svg"));
        Assert.NotNull(cut.Find("[data-test=chart-trend] svg"));
        // When they came in (Monday 2 March, 09:00, 10:00 and 11:00 in the organisation's time): an hour's and a day's chart, the busiest named.
        Assert.Contains("9时", cut.Find("[data-test=chart-hours] svg").TextContent, StringComparison.Ordinal);
        Assert.Contains("周一", cut.Find("[data-test=chart-weekdays] svg").TextContent, StringComparison.Ordinal);
        Assert.Equal("按本单位时区统计。受理最多的时段：09:00–10:00（1 件）；最多的一天：星期一（3 件）。", cut.Find("[data-test=times-help]").TextContent.Trim());
    }

    [Fact]
    public async Task A_busy_year_s_figures_are_grouped_and_its_crowded_bars_carry_no_labels_over_each_other()
    {
        var ctx = Open();
        // A year of a busy room, as the kept counts hold it (writing them is quicker than 400,000 cases).
        await using (var db = Database.CreateContext())
        {
            await StatisticsCounts.EnsureAsync(db, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), Driver.Time.GetUtcNow());
            var quality = Driver.CategoryId(CategoryCatalog.ProductQuality).ToString(CultureInfo.InvariantCulture);
            db.AddRange(
                new StatisticsCount { Month = 202603, Line = StatisticsCountLine.Total, Received = 432_818, Surveyed = 372_301, Satisfied = 356_987 },
                new StatisticsCount { Month = 202603, Line = StatisticsCountLine.Category, Key = quality, Received = 34_840 },
                new StatisticsCount { Month = 202602, Line = StatisticsCountLine.Category, Key = quality, Received = 33_887 },
                new StatisticsCount { Month = 202603, Line = StatisticsCountLine.Hour, Key = "9", Received = 18_123 },
                new StatisticsCount { Month = 202603, Line = StatisticsCountLine.Weekday, Key = "0", Received = 61_234 });
            await db.SaveChangesAsync();
        }

        ctx.SignInAs(Driver.Leader);

        var cut = ctx.RenderPage<Statistics>();

        cut.WaitForElement("[data-test=by-category]");
        Assert.Equal("432,818", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim());
        Assert.Contains("回访 372,301 件，满意 356,987 件", cut.Find("[data-figure=satisfaction]").TextContent, StringComparison.Ordinal);
        // Five-digit counts over twelve types' bars or 24 hours' would overlap: the axis gives the scale, grouped, and the
        // table the counts. Seven days' bars are wide enough to carry theirs.
        Assert.Empty(cut.FindAll("[data-test=chart-categories] .mud-chart-value-label"));
        Assert.Empty(cut.FindAll("[data-test=chart-hours] .mud-chart-value-label"));
        Assert.Matches(@"\d{1,3},\d{3}", cut.Find("[data-test=chart-hours] svg").TextContent);
        Assert.Contains("61,234", cut.FindAll("[data-test=chart-weekdays] .mud-chart-value-label").Select(l => l.TextContent));
    }

    [Fact]
    public async Task Every_figure_opens_the_complaints_it_counts_in_words_a_page_at_a_time()
    {
        var ctx = Open();
        var march = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var open = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var february = await Driver.CaseInStageAsync(CaseStage.Registered);
        await ReceivedAsync(closed.Id, march, CategoryCatalog.ProductQuality, ComplaintChannel.Hotline, satisfied: false, attitude: true);
        await ReceivedAsync(open.Id, march.AddHours(1), CategoryCatalog.ProductQuality, ComplaintChannel.WalkIn);
        await ReceivedAsync(february.Id, march.AddDays(-20), CategoryCatalog.Service, ComplaintChannel.Hotline);
        ctx.SignInAs(Driver.Leader);
        var cut = ctx.RenderPage<Statistics>();
        cut.WaitForElement("[data-test=by-category]");

        async Task<(string Title, List<string> Cases, string Text)> OpenAsync(AngleSharp.Dom.IElement link)
        {
            await cut.InvokeAsync(() => link.Click());
            var dialog = cut.WaitForElement("[data-test=statistics-cases]");
            cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-test=statistics-cases] [data-case]").Count > 0 || cut.FindAll("[data-test=no-cases]").Count > 0));
            var seen = (cut.Find("[data-test=figure-title]").TextContent.Trim(), cut.FindAll("[data-test=statistics-cases] [data-case]").Select(c => c.TextContent.Trim()).ToList(),
                cut.Find("[data-test=statistics-cases]").TextContent);
            await cut.InvokeAsync(() => cut.Find("[data-test=figure-close]").Click());
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=figure-dialog]")));
            return seen;
        }

        // The month's complaints, oldest first, each in words (type, channel, stage), never codes.
        var all = await OpenAsync(cut.Find("[data-figure=received] [data-test=figure] [data-count]"));
        Assert.Equal("全部投诉 · 受理投诉：2 件", all.Title);
        Assert.Equal([closed.CaseNumber, open.CaseNumber], all.Cases);
        Assert.Contains("产品质量问题", all.Text, StringComparison.Ordinal);
        Assert.Contains("营业厅/服务台现场", all.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("WalkIn", all.Text, StringComparison.Ordinal);
        // The rate opens those asked at the callback, with their answer.
        var surveyed = await OpenAsync(cut.Find("[data-figure=satisfaction] [data-count]"));
        Assert.Equal("全部投诉 · 回访：1 件", surveyed.Title);
        Assert.Equal([closed.CaseNumber], surveyed.Cases);
        Assert.Contains("对处理结果满意", surveyed.Text, StringComparison.Ordinal);
        // The attitude's rate opens those asked about it, with their answer.
        var attitude = await OpenAsync(cut.Find("[data-figure=attitude] [data-count]"));
        Assert.Equal("全部投诉 · 回访（服务态度）：1 件", attitude.Title);
        Assert.Contains("对服务态度满意", attitude.Text, StringComparison.Ordinal);
        // A type's count of the month before, and a channel's closed.
        var service = cut.FindAll("[data-test=by-category] tbody tr").Single(r => r.TextContent.Contains("服务", StringComparison.Ordinal));
        var before = await OpenAsync(service.QuerySelector("[data-test=before] [data-count]")!);
        Assert.Equal("服务问题 · 上期：1 件", before.Title);
        Assert.Equal([february.CaseNumber], before.Cases);
        var hotline = cut.FindAll("[data-test=by-channel] tbody tr").Single(r => r.TextContent.Contains("热线", StringComparison.Ordinal));
        var hotlineClosed = await OpenAsync(hotline.QuerySelector("[data-figure=closed]")!);
        Assert.Equal([closed.CaseNumber], hotlineClosed.Cases);
        // The hot spot opens its type's complaints.
        var spot = await OpenAsync(cut.Find("[data-hot-spot]"));
        Assert.Equal(("产品质量问题 · 受理投诉：2 件", 2), (spot.Title, spot.Cases.Count));
        // The time charts' bars with complaints, under each chart (09:00 and 10:00 in Shanghai, both on Monday), open theirs.
        Assert.Equal(["9时（1）", "10时（1）"], cut.FindAll("[data-test=hour-bars] [data-bar]").Select(c => c.TextContent.Trim()));
        var ten = await OpenAsync(cut.Find("[data-test=hour-bars] [data-bar='10时']"));
        Assert.Equal("10:00–11:00 · 受理投诉：1 件", ten.Title);
        Assert.Equal([open.CaseNumber], ten.Cases);
        Assert.Equal(["周一（2）"], cut.FindAll("[data-test=weekday-bars] [data-bar]").Select(c => c.TextContent.Trim()));
        var monday = await OpenAsync(cut.Find("[data-test=weekday-bars] [data-bar]"));
        Assert.Equal("星期一 · 受理投诉：2 件", monday.Title);
        Assert.Equal([closed.CaseNumber, open.CaseNumber], monday.Cases);
        // A figure of nought is plain text: nothing to open.
        var nought = cut.Find("[data-figure=reopened] [data-count]");
        Assert.Equal(("SPAN", "0"), (nought.TagName, nought.TextContent.Trim()));
        Assert.Throws<Bunit.MissingEventHandlerException>(() => nought.Click());
    }

    [Fact]
    public async Task The_products_and_customer_groups_are_tables_in_the_reader_s_language_whose_lines_open_their_complaints()
    {
        var ctx = Open("zh-Hant");
        var march = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var kettle = await Driver.CaseInStageAsync(CaseStage.Registered);
        var widerKettle = await Driver.CaseInStageAsync(CaseStage.Registered);
        var cleaner = await Driver.CaseInStageAsync(CaseStage.Registered);
        await using (var db = Database.CreateContext())
        {
            foreach (var (id, minutes) in new[] { (kettle.Id, 0), (widerKettle.Id, 1), (cleaner.Id, 2) })
            {
                await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ReceivedAt, march.AddMinutes(minutes)));
            }

            // Typed in full width at intake: the same product.
            await db.Complaints.Where(c => c.Id == widerKettle.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.Subject.ProductModel, "ＸＰ－２００"));
            await db.Complaints.Where(c => c.Id == cleaner.Id).ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Subject.ProductModel, "吸塵器 V8").SetProperty(x => x.Complainant.CustomerGroup, "VIP會員"));
        }

        ctx.SignInAs(Driver.Leader);
        var cut = ctx.RenderPage<Statistics>();
        cut.WaitForElement("[data-test=by-product]");

        var products = cut.FindAll("[data-test=by-product] tbody tr");
        Assert.Equal([("XP-200", "2"), ("吸塵器 V8", "1")],
            products.Select(r => (r.QuerySelector("td")!.TextContent.Trim(), r.QuerySelector("[data-test=received]")!.TextContent.Trim())));
        // One complaint is no customer group to name: it is among the others.
        Assert.Equal([("其他", "1"), ("未填寫", "2")], cut.FindAll("[data-test=by-customer-group] tbody tr")
            .Select(r => (r.QuerySelector("td")!.TextContent.Trim(), r.QuerySelector("[data-test=received]")!.TextContent.Trim())));
        Assert.Contains("每個群體至少有 3 件投訴", cut.Markup, StringComparison.Ordinal);
        // No complaint named a place: a sentence, not a table of one 未填寫 line.
        Assert.Equal("本期間的投訴均未填寫此項。", cut.Find("[data-test=by-location-none]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-test=by-location]"));
        Assert.Contains("投訴最多的 10 個型號單獨列出", cut.Markup, StringComparison.Ordinal);

        await cut.InvokeAsync(() => products[0].QuerySelector("[data-test=received] [data-count]")!.Click());
        cut.WaitForAssertion(() => Assert.Equal([kettle.CaseNumber, widerKettle.CaseNumber],
            cut.FindAll("[data-test=statistics-cases] [data-case]").Select(c => c.TextContent.Trim())));
        Assert.StartsWith("XP-200 · ", cut.Find("[data-test=figure-title]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_whose_complaints_reached_no_department_yet_says_so_under_the_department_header()
    {
        var ctx = Open();
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        ctx.SignInAs(Driver.Leader);

        var cut = ctx.RenderPage<Statistics>();

        Assert.Equal("本期间没有。", cut.WaitForElement("[data-test=by-department] [data-test=none]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim());
    }

    [Fact]
    public async Task A_department_head_reads_their_own_department_s_complaints_and_is_told_so()
    {
        var ctx = Open();
        await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var elsewhere = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(elsewhere, CategoryCatalog.Repair);
        await Driver.AcknowledgeAsync(elsewhere);
        await Driver.DispatchAsync(elsewhere, DepartmentCatalog.Engineering);
        ctx.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var cut = ctx.RenderPage<Statistics>();

        cut.WaitForElement("[data-test=by-department]");
        Assert.Equal("1", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim());
        Assert.Contains("责任部门：质量部", cut.Find("[data-test=only-department]").TextContent, StringComparison.Ordinal);
        var departments = cut.FindAll("[data-test=by-department] tbody tr");
        Assert.Contains("质量部", Assert.Single(departments).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("报修", cut.Find("[data-test=by-category]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_complaints_says_so_instead_of_empty_tables()
    {
        var ctx = Open("en");
        await Driver.CaseInStageAsync(CaseStage.Invalid);
        ctx.SignInAs(Driver.Leader);

        var cut = ctx.RenderPage<Statistics>();

        Assert.Equal("No complaints were received in this period.", cut.WaitForElement("[data-test=no-complaints]").TextContent.Trim());
        Assert.Equal("See the period before: February 2026", cut.Find("[data-test=period-before]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-test=by-category]"));
        Assert.Equal("0", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim());
    }
}
