using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>The statistics of a period over a real database: by category (with the period before), channel and department, satisfaction, reopened and repeat callers.</summary>
public sealed class ComplaintStatisticsTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task SetAsync(int id, DateTimeOffset received, string phone, string? category = null, ComplaintChannel channel = ComplaintChannel.Hotline,
        bool? satisfied = null, int reopened = 0, bool? attitude = null)
    {
        await using var db = Database.CreateContext();
        int? categoryId = category is null ? null : Driver.CategoryId(category);
        await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ReceivedAt, received).SetProperty(x => x.PhoneKey, phone).SetProperty(x => x.CategoryId, categoryId)
            .SetProperty(x => x.Channel, channel).SetProperty(x => x.SatisfiedWithResult, satisfied).SetProperty(x => x.ReopenCount, reopened)
            .SetProperty(x => x.SatisfiedWithAttitude, attitude));
    }

    [Fact]
    public async Task A_month_counts_its_complaints_by_category_channel_and_department_with_satisfaction_reopened_and_repeat_callers()
    {
        var a = await Driver.CaseInStageAsync(CaseStage.Closed);
        var b = await Driver.CaseInStageAsync(CaseStage.Closed);
        var c = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var invalid = await Driver.CaseInStageAsync(CaseStage.Invalid);
        var february = await Driver.CaseInStageAsync(CaseStage.Registered);
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await SetAsync(a.Id, march, "p1", CategoryCatalog.ProductQuality, satisfied: true, attitude: true);
        await SetAsync(b.Id, march.AddDays(1), "p2", CategoryCatalog.Service, ComplaintChannel.Online, satisfied: false, reopened: 1, attitude: true);
        // The same caller as the first: a repeat.
        await SetAsync(c.Id, march.AddDays(2), "p1", CategoryCatalog.ProductQuality);
        await SetAsync(invalid.Id, march.AddDays(2), "p4", CategoryCatalog.ProductQuality);
        await SetAsync(february.Id, new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero), "p3", CategoryCatalog.Service);
        // The last hour of February in Shanghai is still February: not this month's.
        var lateFebruary = await Driver.CaseInStageAsync(CaseStage.Registered);
        await SetAsync(lateFebruary.Id, new DateTimeOffset(2026, 2, 28, 15, 30, 0, TimeSpan.Zero), "p5", CategoryCatalog.Facilities);

        await using var db = Database.CreateContext();
        var result = await new ComplaintStatistics(db).ReadAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), Shanghai);

        // Three complaints (the invalid one is none): two closed, two asked at the callback and one satisfied with the result, one
        // reopened, one repeat caller; both asked satisfied with the staff's attitude.
        Assert.Equal(new StatisticsLine(3, 2, 2, 1, 1, 1, AttitudeSurveyed: 2, AttitudeSatisfied: 2), result.Total);
        Assert.Equal((50.0m, 100.0m), (result.Total.SatisfactionRate, result.Total.AttitudeRate));
        Assert.Equal(new ReportPeriod(ReportPeriodKind.Month, 2026, 2), result.Before);
        Assert.Equal(
            [(Driver.CategoryId(CategoryCatalog.ProductQuality), 2, 0, 2), (Driver.CategoryId(CategoryCatalog.Service), 1, 1, 0), (Driver.CategoryId(CategoryCatalog.Facilities), 0, 1, -1)],
            result.ByCategory.Select(x => (x.CategoryId!.Value, x.Line.Received, x.ReceivedBefore, x.Change)));
        Assert.Equal([(ComplaintChannel.Hotline, 2), (ComplaintChannel.Online, 1)], result.ByChannel.Select(x => (x.Channel, x.Line.Received)));
        // Each case went to quality and production: counted once for each department.
        Assert.Equal([(Driver.DepartmentId(DepartmentCatalog.Quality), 3, 2), (Driver.DepartmentId(DepartmentCatalog.Production), 3, 2)],
            result.ByDepartment.Select(x => (x.DepartmentId, x.Line.Received, x.Line.Closed)).OrderBy(x => x.Item1 == Driver.DepartmentId(DepartmentCatalog.Quality) ? 0 : 1));
        // Twelve months to March, February's two and March's three.
        Assert.Equal(12, result.Trend.Count);
        Assert.Equal((new ReportPeriod(ReportPeriodKind.Month, 2025, 4), 0), (result.Trend[0].Month, result.Trend[0].Received));
        Assert.Equal([2, 3], result.Trend.TakeLast(2).Select(t => t.Received));
        // 02:00 UTC on Monday 2 March, Tuesday and Wednesday: ten o'clock in Shanghai, one on each day.
        Assert.Equal(3, result.Times.ByHour[10]);
        Assert.Equal(3, result.Times.ByHour.Sum());
        Assert.Equal([1, 1, 1, 0, 0, 0, 0], result.Times.ByWeekday);
    }

    [Fact]
    public void Received_times_are_counted_in_the_organisation_s_hours_and_days_monday_first()
    {
        var times = ReceivedTimes.Of(
            [
                // Sunday 1 March 17:30 UTC is Monday 01:30 in Shanghai.
                new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero),
                // Sunday 8 March 15:59 UTC is Sunday 23:59 there.
                new DateTimeOffset(2026, 3, 8, 15, 59, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero),
            ], Shanghai);

        Assert.Equal((1, 1, 1), (times.ByHour[1], times.ByHour[23], times.ByHour[0]));
        Assert.Equal([2, 0, 0, 0, 0, 0, 1], times.ByWeekday);
    }

    [Fact]
    public async Task An_hour_s_or_a_day_s_bar_lists_exactly_the_complaints_it_counts_in_the_organisation_s_time_a_page_at_a_time()
    {
        var early = await Driver.CaseInStageAsync(CaseStage.Closed);
        var late = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var nextDay = await Driver.CaseInStageAsync(CaseStage.Closed);
        var otherHour = await Driver.CaseInStageAsync(CaseStage.Closed);
        var invalid = await Driver.CaseInStageAsync(CaseStage.Invalid);
        // Sunday 1 March 17:05 and 17:55 UTC, Monday 17:30 UTC: 01:05, 01:55 on Monday and 01:30 on Tuesday in Shanghai.
        await SetAsync(early.Id, new DateTimeOffset(2026, 3, 1, 17, 5, 0, TimeSpan.Zero), "p1", CategoryCatalog.ProductQuality);
        await SetAsync(late.Id, new DateTimeOffset(2026, 3, 1, 17, 55, 0, TimeSpan.Zero), "p2", CategoryCatalog.ProductQuality);
        await SetAsync(nextDay.Id, new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero), "p3", CategoryCatalog.ProductQuality);
        // 18:00 UTC on the Sunday is 02:00 on Monday there: Monday's, not one o'clock's.
        await SetAsync(otherHour.Id, new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), "p4", CategoryCatalog.ProductQuality);
        await SetAsync(invalid.Id, new DateTimeOffset(2026, 3, 1, 17, 10, 0, TimeSpan.Zero), "p5", CategoryCatalog.ProductQuality);

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var period = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);
        var times = (await statistics.ReadAsync(period, Shanghai)).Times;
        async Task<List<string>> Listed(StatisticsSlice slice, StatisticsFigure figure = StatisticsFigure.Received, int skip = 0, int take = 50) =>
            [.. (await statistics.CasesAsync(figure, slice, period, Shanghai, null, skip, take)).Select(x => x.CaseNumber)];

        // Every bar lists as many as it counts.
        for (var hour = 0; hour < 24; hour++)
        {
            Assert.Equal(times.ByHour[hour], (await Listed(StatisticsSlice.AtHour(hour))).Count);
        }

        for (var day = 0; day < 7; day++)
        {
            Assert.Equal(times.ByWeekday[day], (await Listed(StatisticsSlice.OnWeekday(day))).Count);
        }

        // One o'clock: the three, in the order they came in (the invalid one is no complaint), a page at a time.
        Assert.Equal([early.CaseNumber, late.CaseNumber, nextDay.CaseNumber], await Listed(StatisticsSlice.AtHour(1)));
        Assert.Equal([late.CaseNumber], await Listed(StatisticsSlice.AtHour(1), skip: 1, take: 1));
        Assert.Equal([otherHour.CaseNumber], await Listed(StatisticsSlice.AtHour(2)));
        Assert.Equal([early.CaseNumber, late.CaseNumber, otherHour.CaseNumber], await Listed(StatisticsSlice.OnWeekday(0)));
        Assert.Equal([nextDay.CaseNumber], await Listed(StatisticsSlice.OnWeekday(1)));
        Assert.Empty(await Listed(StatisticsSlice.OnWeekday(6)));
        // With a figure: one o'clock's closed ones.
        Assert.Equal([early.CaseNumber, nextDay.CaseNumber], await Listed(StatisticsSlice.AtHour(1), StatisticsFigure.Closed));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticsSlice.AtHour(24));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticsSlice.OnWeekday(7));
    }

    [Fact]
    public async Task An_hour_s_bar_over_a_quarter_is_read_a_month_at_a_time_and_each_page_is_the_same_from_either_end()
    {
        // One o'clock in Shanghai in each month of the first quarter (31 January 17:30 UTC is already 1 February there), and
        // a two o'clock between them.
        DateTimeOffset[] oneOClock =
        [
            new(2026, 1, 5, 17, 10, 0, TimeSpan.Zero), new(2026, 1, 31, 17, 30, 0, TimeSpan.Zero), new(2026, 2, 10, 17, 20, 0, TimeSpan.Zero),
            new(2026, 3, 1, 17, 5, 0, TimeSpan.Zero), new(2026, 3, 20, 17, 40, 0, TimeSpan.Zero),
        ];
        var expected = new List<string>();
        foreach (var at in oneOClock)
        {
            var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
            await SetAsync(complaint.Id, at, $"q{expected.Count}", CategoryCatalog.ProductQuality);
            expected.Add(complaint.CaseNumber);
        }

        var twoOClock = await Driver.CaseInStageAsync(CaseStage.Closed);
        await SetAsync(twoOClock.Id, new DateTimeOffset(2026, 2, 3, 18, 0, 0, TimeSpan.Zero), "q9", CategoryCatalog.ProductQuality);

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var quarter = new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1);
        Assert.Equal(5, (await statistics.ReadAsync(quarter, Shanghai)).Times.ByHour[1]);
        async Task<IEnumerable<string>> Listed(int skip, int take, int? total = null) =>
            (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.AtHour(1), quarter, Shanghai, null, skip, take, total: total)).Select(x => x.CaseNumber);

        Assert.Equal(expected, await Listed(0, 50));
        for (var take = 1; take <= 3; take++)
        {
            for (var skip = 0; skip <= expected.Count; skip++)
            {
                Assert.Equal(expected.Skip(skip).Take(take), await Listed(skip, take));
                Assert.Equal(expected.Skip(skip).Take(take), await Listed(skip, take, total: expected.Count));
            }
        }
    }

    [Fact]
    public async Task With_the_counts_kept_an_hour_s_bar_steps_over_the_months_before_its_page_and_reads_them_all_when_a_month_read_disagrees()
    {
        // One o'clock in Shanghai: two in January, one in February, two in March.
        DateTimeOffset[] oneOClock =
        [
            new(2026, 1, 5, 17, 10, 0, TimeSpan.Zero), new(2026, 1, 20, 17, 30, 0, TimeSpan.Zero), new(2026, 2, 10, 17, 20, 0, TimeSpan.Zero),
            new(2026, 3, 1, 17, 5, 0, TimeSpan.Zero), new(2026, 3, 20, 17, 40, 0, TimeSpan.Zero),
        ];
        var expected = new List<string>();
        foreach (var at in oneOClock)
        {
            var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
            await SetAsync(complaint.Id, at, $"k{expected.Count}", CategoryCatalog.ProductQuality);
            expected.Add(complaint.CaseNumber);
        }

        await using var db = Database.CreateContext();
        await StatisticsCounts.EnsureAsync(db, Shanghai, Driver.Time.GetUtcNow());
        var statistics = new ComplaintStatistics(db);
        var quarter = new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1);
        Assert.NotNull(await statistics.ReadIfKeptAsync(quarter, Shanghai));
        async Task<IEnumerable<string>> Listed(int skip, int take, int? total = null) =>
            (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.AtHour(1), quarter, Shanghai, null, skip, take, total: total)).Select(x => x.CaseNumber);

        for (var take = 1; take <= 3; take++)
        {
            for (var skip = 0; skip <= expected.Count; skip++)
            {
                Assert.Equal(expected.Skip(skip).Take(take), await Listed(skip, take));
                Assert.Equal(expected.Skip(skip).Take(take), await Listed(skip, take, total: expected.Count));
            }
        }

        Task<int> KeepAsync(int month, int change) => db.Set<StatisticsCount>()
            .Where(r => r.Scope == StatisticsCount.WholeOrganisation && r.Line == StatisticsCountLine.Hour && r.Key == "1" && r.Month == month)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Received, x => x.Received + change));

        // A month stepped over is not read: kept one too many, January pushes the fourth case's page onto the third.
        Assert.Equal(1, await KeepAsync(202601, 1));
        Assert.Equal([expected[2]], await Listed(3, 1));
        // The month the page lands in is read: February kept one too many as well disagrees with its rows, and every month
        // is read.
        Assert.Equal(1, await KeepAsync(202602, 1));
        Assert.Equal([expected[3]], await Listed(3, 1));
        Assert.Equal(expected.Skip(1).Take(3), await Listed(1, 3));
    }

    [Fact]
    public async Task The_kinds_of_solution_count_each_complaint_once_per_kind_its_departments_chose_and_list_those_cases()
    {
        var a = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var b = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await SetAsync(a.Id, march, "p1", CategoryCatalog.ProductQuality);
        await SetAsync(b.Id, march.AddDays(1), "p2", CategoryCatalog.ProductQuality);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        string[] codes;
        await using (var setup = Database.CreateContext())
        {
            codes = await setup.SolutionTypes.OrderBy(t => t.SortOrder).Select(t => t.Code).Take(2).ToArrayAsync();
            // a: quality chose the first kind, production the second; b: both chose the first; one task without a solution is left out.
            await setup.DepartmentTasks.Where(t => t.ComplaintId == a.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.SolutionTypeCode, x => x.DepartmentId == quality ? codes[0] : codes[1]));
            await setup.DepartmentTasks.Where(t => t.ComplaintId == b.Id && t.DepartmentId == quality).ExecuteUpdateAsync(t => t.SetProperty(x => x.SolutionTypeCode, codes[0]));
        }

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var period = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);
        var result = await statistics.ReadAsync(period, Shanghai);

        Assert.Equal([(codes[0], 2), (codes[1], 1)], result.BySolution.Select(x => (x.SolutionTypeCode, x.Line.Received)));
        Assert.Equal([a.CaseNumber, b.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(SolutionTypeCode: codes[0]), period, Shanghai, null, 0, 50))
            .Select(x => x.CaseNumber));
        Assert.Equal([a.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(SolutionTypeCode: codes[1]), period, Shanghai, null, 0, 50))
            .Select(x => x.CaseNumber));
        // Quality's head: only the kinds quality chose.
        var head = await statistics.ReadAsync(period, Shanghai, quality);
        Assert.Equal([(codes[0], 2)], head.BySolution.Select(x => (x.SolutionTypeCode, x.Line.Received)));
        Assert.Empty(await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(SolutionTypeCode: codes[1]), period, Shanghai, quality, 0, 50));
    }

    [Fact]
    public async Task The_causes_count_each_complaint_once_per_category_filed_against_the_period_before_with_findings_filed_under_none_last()
    {
        var a = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var b = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var c = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var d = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var february = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        foreach (var (complaint, i) in new[] { a, b, c, d }.Select((x, i) => (x, i)))
        {
            await SetAsync(complaint.Id, march.AddHours(i), "p" + i, CategoryCatalog.ProductQuality);
        }

        await SetAsync(february.Id, march.AddDays(-10), "p9", CategoryCatalog.ProductQuality);

        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        await using (var setup = Database.CreateContext())
        {
            var tasks = setup.DepartmentTasks;
            // No findings anywhere yet: d stays out of the table.
            await tasks.ExecuteUpdateAsync(t => t.SetProperty(x => x.Findings, (string?)null).SetProperty(x => x.CauseCategoryCode, (string?)null));
            // a: quality filed MATERIAL, the other department PROCESS; b: quality MATERIAL, the other findings but no cause (b counts
            // under MATERIAL only); c: findings, no cause anywhere.
            await tasks.Where(t => t.ComplaintId == a.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Findings, "查明")
                .SetProperty(x => x.CauseCategoryCode, x => x.DepartmentId == quality ? "MATERIAL" : "PROCESS"));
            await tasks.Where(t => t.ComplaintId == b.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Findings, "查明")
                .SetProperty(x => x.CauseCategoryCode, x => x.DepartmentId == quality ? "MATERIAL" : null));
            await tasks.Where(t => t.ComplaintId == c.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Findings, "查明"));
            // February: quality filed MATERIAL, the other department DESIGN (filed in no March complaint).
            await tasks.Where(t => t.ComplaintId == february.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Findings, "查明")
                .SetProperty(x => x.CauseCategoryCode, x => x.DepartmentId == quality ? "MATERIAL" : "DESIGN"));
        }

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var period = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);
        var result = await statistics.ReadAsync(period, Shanghai);

        Assert.Equal([("MATERIAL", 2, 1), ("PROCESS", 1, 0), ("DESIGN", 0, 1), (null, 1, 0)],
            result.ByCause.Select(x => (x.CauseCategoryCode, x.Line.Received, x.ReceivedBefore)));
        Assert.Equal([february.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.Cause("DESIGN"),
            ComplaintStatistics.Before(period), Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        async Task<IEnumerable<string>> ListedAsync(StatisticsSlice slice, int? department = null) =>
            (await statistics.CasesAsync(StatisticsFigure.Received, slice, period, Shanghai, department, 0, 50)).Select(x => x.CaseNumber);
        Assert.Equal([a.CaseNumber, b.CaseNumber], await ListedAsync(StatisticsSlice.Cause("MATERIAL")));
        Assert.Equal([a.CaseNumber], await ListedAsync(StatisticsSlice.Cause("PROCESS")));
        Assert.Equal([c.CaseNumber], await ListedAsync(StatisticsSlice.Cause(null)));
        // Quality's head: only the causes quality filed; its own findings filed under none (c's) are its last line.
        var head = await statistics.ReadAsync(period, Shanghai, quality);
        Assert.Equal([("MATERIAL", 2, 1), (null, 1, 0)], head.ByCause.Select(x => (x.CauseCategoryCode, x.Line.Received, x.ReceivedBefore)));
        Assert.Equal([c.CaseNumber], await ListedAsync(StatisticsSlice.Cause(null), quality));
        Assert.Empty(await ListedAsync(StatisticsSlice.Cause("PROCESS"), quality));
    }

    [Fact]
    public async Task A_department_s_statistics_count_only_the_complaints_sent_to_it_and_only_its_own_line()
    {
        var both = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var engineering = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(engineering, CategoryCatalog.Repair);
        await Driver.AcknowledgeAsync(engineering);
        await Driver.DispatchAsync(engineering, DepartmentCatalog.Engineering);
        var unsent = await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await SetAsync(both.Id, march, "p1", CategoryCatalog.ProductQuality);
        await SetAsync(engineering, march, "p2", CategoryCatalog.Repair);
        await SetAsync(unsent.Id, march, "p3", CategoryCatalog.ProductQuality);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);

        await using var db = Database.CreateContext();
        var result = await new ComplaintStatistics(db).ReadAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), Shanghai, quality);

        Assert.Equal(1, result.Total.Received);
        Assert.Equal([(quality, 1)], result.ByDepartment.Select(d => (d.DepartmentId, d.Line.Received)));
        Assert.Equal([Driver.CategoryId(CategoryCatalog.ProductQuality)], result.ByCategory.Select(c => c.CategoryId!.Value));
        Assert.Equal(1, result.Trend[^1].Received);
        // The whole organisation's: all three.
        Assert.Equal(3, (await new ComplaintStatistics(db).ReadAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), Shanghai)).Total.Received);
    }

    [Fact]
    public async Task Each_figure_lists_exactly_the_cases_it_counts_on_every_line_in_the_order_they_came_in()
    {
        var a = await Driver.CaseInStageAsync(CaseStage.Closed);
        var b = await Driver.CaseInStageAsync(CaseStage.Closed);
        var c = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var unassessed = await Driver.CaseInStageAsync(CaseStage.Registered);
        var invalid = await Driver.CaseInStageAsync(CaseStage.Invalid);
        var february = await Driver.CaseInStageAsync(CaseStage.Registered);
        var march = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await SetAsync(c.Id, march, "p1", CategoryCatalog.ProductQuality);
        await SetAsync(a.Id, march.AddDays(1), "p1", CategoryCatalog.ProductQuality, satisfied: true);
        await SetAsync(b.Id, march.AddDays(2), "p2", CategoryCatalog.Service, ComplaintChannel.Online, satisfied: false, reopened: 1, attitude: false);
        await SetAsync(unassessed.Id, march.AddDays(3), "p3");
        await SetAsync(invalid.Id, march.AddDays(3), "p4", CategoryCatalog.ProductQuality, satisfied: true);
        await SetAsync(february.Id, new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero), "p5", CategoryCatalog.Service);
        var period = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var result = await statistics.ReadAsync(period, Shanghai);
        var lines = new List<(StatisticsSlice Slice, StatisticsLine Line)> { (StatisticsSlice.All, result.Total) };
        lines.AddRange(result.ByCategory.Select(x => (StatisticsSlice.Category(x.CategoryId), x.Line)));
        lines.AddRange(result.ByChannel.Select(x => (new StatisticsSlice(Channel: x.Channel), x.Line)));
        lines.AddRange(result.ByDepartment.Select(x => (new StatisticsSlice(DepartmentId: x.DepartmentId), x.Line)));
        Assert.Equal(8, lines.Count);
        foreach (var (slice, line) in lines)
        {
            foreach (var (figure, count) in new[]
            {
                (StatisticsFigure.Received, line.Received), (StatisticsFigure.Closed, line.Closed), (StatisticsFigure.Surveyed, line.Surveyed),
                (StatisticsFigure.Satisfied, line.Satisfied), (StatisticsFigure.Reopened, line.Reopened), (StatisticsFigure.RepeatCallers, line.RepeatCallers),
                (StatisticsFigure.AttitudeSurveyed, line.AttitudeSurveyed), (StatisticsFigure.AttitudeSatisfied, line.AttitudeSatisfied),
            })
            {
                var listed = await statistics.CasesAsync(figure, slice, period, Shanghai, null, 0, 50);
                Assert.True(count == listed.Count, $"{slice} {figure}: counted {count}, listed {listed.Count}");
            }
        }

        // All of March's, oldest first; the invalid one is no complaint.
        Assert.Equal([c.CaseNumber, a.CaseNumber, b.CaseNumber, unassessed.CaseNumber],
            (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        // A page at a time; given the figure's count, a page past the middle is read from the end, and is the same page.
        Assert.Equal([b.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai, null, 2, 1)).Select(x => x.CaseNumber));
        foreach (var (skip, take) in new[] { (0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (0, 3), (3, 3), (2, 2), (3, 2), (1, 50) })
        {
            Assert.Equal((await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai, null, skip, take)).Select(x => x.CaseNumber),
                (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai, null, skip, take, total: 4)).Select(x => x.CaseNumber));
        }

        Assert.Equal([b.CaseNumber, unassessed.CaseNumber],
            (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai, null, 2, 2, total: 4)).Select(x => x.CaseNumber));
        // The repeat caller is the second of p1's; the one not yet assessed is its own line.
        Assert.Equal([a.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.RepeatCallers, StatisticsSlice.All, period, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        Assert.Equal([unassessed.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.Category(null), period, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        // Asked at the callback, with the answer; online only; February's service complaint as the period before.
        var surveyed = await statistics.CasesAsync(StatisticsFigure.Surveyed, StatisticsSlice.All, period, Shanghai, null, 0, 50);
        Assert.Equal([(a.CaseNumber, (bool?)true), (b.CaseNumber, false)], surveyed.Select(x => (x.CaseNumber, x.Satisfied)));
        // Asked about the staff's attitude: only the one that answered it, unhappy.
        Assert.Equal([(b.CaseNumber, (bool?)false)], (await statistics.CasesAsync(StatisticsFigure.AttitudeSurveyed, StatisticsSlice.All, period, Shanghai, null, 0, 50))
            .Select(x => (x.CaseNumber, x.Attitude)));
        Assert.Equal([b.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Channel: ComplaintChannel.Online), period, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        Assert.Equal([february.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.Category(Driver.CategoryId(CategoryCatalog.Service)),
            ComplaintStatistics.Before(period), Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        // A department head's: only what was sent to their department (the case not yet assessed was sent nowhere).
        Assert.Equal([c.CaseNumber, a.CaseNumber, b.CaseNumber], (await statistics.CasesAsync(StatisticsFigure.Received, StatisticsSlice.All, period, Shanghai,
            Driver.DepartmentId(DepartmentCatalog.Quality), 0, 50)).Select(x => x.CaseNumber));
    }

    [Theory]
    [InlineData(ReportPeriodKind.Month, 2026, 1, 2025, 12)]
    [InlineData(ReportPeriodKind.Month, 2026, 7, 2026, 6)]
    [InlineData(ReportPeriodKind.Quarter, 2026, 1, 2025, 4)]
    [InlineData(ReportPeriodKind.Year, 2026, 1, 2025, 1)]
    public void The_period_before_is_of_the_same_kind(ReportPeriodKind kind, int year, int number, int beforeYear, int beforeNumber) =>
        Assert.Equal(new ReportPeriod(kind, beforeYear, beforeNumber), ComplaintStatistics.Before(new ReportPeriod(kind, year, number)));
}
