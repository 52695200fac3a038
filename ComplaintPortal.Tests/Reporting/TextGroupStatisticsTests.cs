using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>The statistics by product, by place and by customer group over a real database: what the clerks typed, grouped, with the rest as others.</summary>
public sealed class TextGroupStatisticsTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly ReportPeriod March = new(ReportPeriodKind.Month, 2026, 3);

    /// <summary>Registers a complaint about <paramref name="product"/> from <paramref name="group"/>, received in March.</summary>
    private async Task<Complaint> RegisterAsync(int day, string? product, string? group, bool? satisfied = null, string? location = null, int month = 3)
    {
        var sample = CaseDriver.SampleIntake();
        var complaint = await Driver.RegisterAsync(sample with
        {
            Subject = new() { ProductModel = product, Location = location },
            Complainant = sample.Complainant with { CustomerGroup = group },
        });
        await using var db = Database.CreateContext();
        await db.Complaints.Where(c => c.Id == complaint.Id).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ReceivedAt, new DateTimeOffset(2026, month, day, 2, 0, 0, TimeSpan.Zero))
            .SetProperty(x => x.SatisfiedWithResult, satisfied));
        return complaint;
    }

    [Theory]
    [InlineData("XP-200", "XP-200")]
    [InlineData("xp-200", "XP-200")]
    [InlineData("ＸＰ－２００", "XP-200")]
    [InlineData("电水壶  XP-200", "电水壶 XP-200")]
    [InlineData("电水壶\u3000xp-200", "电水壶 XP-200")]
    public void Spellings_that_differ_in_case_width_or_spacing_share_one_key(string typed, string key) =>
        Assert.Equal(key, TextGroups.KeyOf(typed));

    [Fact]
    public async Task Products_and_customer_groups_are_grouped_however_they_were_spelt_and_small_customer_groups_are_not_named()
    {
        var a = await RegisterAsync(2, "XP-200", "VIP会员", satisfied: true);
        // Typed with spaces around it: kept trimmed at intake.
        var b = await RegisterAsync(3, "  xp-200 ", "vip会员");
        var c = await RegisterAsync(4, "ＸＰ－２００", "VIP会员", satisfied: false);
        var d = await RegisterAsync(5, "V8", "经销商");
        var e = await RegisterAsync(6, null, "经销商");
        var f = await RegisterAsync(7, null, null);
        // February: the same product spelt a way March never used, and a product March has none of.
        var february = await RegisterAsync(10, "Ｘｐ-200", null, month: 2);
        var gone = await RegisterAsync(11, "AP-35", null, month: 2);

        await using var db = Database.CreateContext();
        Assert.Equal("xp-200", (await db.Complaints.SingleAsync(x => x.Id == b.Id)).Subject.ProductModel);
        var statistics = new ComplaintStatistics(db);
        var result = await statistics.ReadAsync(March, Shanghai);

        // One product however it was spelt, named as most often typed (a tie: the first in order).
        // Against February: XP-200 had one (spelt otherwise), AP-35 one (none now: among the others), nobody left it empty.
        Assert.Equal(
            [(TextGroupKind.Named, "XP-200", 3, 2, 1), (TextGroupKind.Named, "V8", 1, 0, 0), (TextGroupKind.Others, null, 0, 0, 1), (TextGroupKind.NotGiven, null, 2, 0, 0)],
            result.ByProduct.Select(x => (x.Group.Kind, x.Name, x.Line.Received, x.Line.Surveyed, x.ReceivedBefore)));
        Assert.Equal(["XP-200", "xp-200", "ＸＰ－２００", "Ｘｐ-200"], result.ByProduct[0].Group.Spellings);
        Assert.Equal(2, result.ByProduct[0].Change);
        Assert.Equal(50.0m, result.ByProduct[0].Line.SatisfactionRate);
        // 经销商 has two complaints, fewer than a customer group needs to be named: counted with the others.
        Assert.Equal(
            [(TextGroupKind.Named, "VIP会员", 3), (TextGroupKind.Others, null, 2), (TextGroupKind.NotGiven, null, 1)],
            result.ByCustomerGroup.Select(x => (x.Group.Kind, x.Name, x.Line.Received)));

        async Task<IEnumerable<string>> Listed(TextStatistics line, StatisticsFigure figure = StatisticsFigure.Received) =>
            (await statistics.CasesAsync(figure, new StatisticsSlice(Text: line.Group), March, Shanghai, null, 0, 50)).Select(x => x.CaseNumber);
        Assert.Equal([a.CaseNumber, b.CaseNumber, c.CaseNumber], await Listed(result.ByProduct[0]));
        Assert.Equal([a.CaseNumber, c.CaseNumber], await Listed(result.ByProduct[0], StatisticsFigure.Surveyed));
        Assert.Equal([e.CaseNumber, f.CaseNumber], await Listed(result.ByProduct[3]));
        Assert.Equal([d.CaseNumber, e.CaseNumber], await Listed(result.ByCustomerGroup[1]));
        Assert.Equal([f.CaseNumber], await Listed(result.ByCustomerGroup[2]));
        // Each line's February lists what it counted then.
        async Task<IEnumerable<string>> ListedBefore(TextStatistics line) =>
            (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: line.Group), ComplaintStatistics.Before(March), Shanghai, null, 0, 50))
            .Select(x => x.CaseNumber);
        Assert.Equal([february.CaseNumber], await ListedBefore(result.ByProduct[0]));
        Assert.Equal([gone.CaseNumber], await ListedBefore(result.ByProduct[2]));
        // Every line's every figure lists as many cases as it counts, then and now.
        foreach (var line in result.ByProduct.Concat(result.ByCustomerGroup))
        {
            Assert.Equal(line.ReceivedBefore, (await ListedBefore(line)).Count());
            foreach (var figure in Enum.GetValues<StatisticsFigure>())
            {
                Assert.Equal(line.Line.Count(figure), (await Listed(line, figure)).Count());
            }
        }
    }

    [Fact]
    public async Task Places_are_grouped_as_products_are_and_list_their_complaints()
    {
        var car = await RegisterAsync(2, null, null, location: "地下车库 B2");
        var wider = await RegisterAsync(3, null, null, location: "地下车库　ｂ２");
        var shop = await RegisterAsync(4, null, null, location: "三楼 305 号商铺");
        await RegisterAsync(5, "XP-200", null);

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var result = await statistics.ReadAsync(March, Shanghai);

        Assert.Equal([(TextGroupKind.Named, "地下车库 B2", 2), (TextGroupKind.Named, "三楼 305 号商铺", 1), (TextGroupKind.NotGiven, null, 1)],
            result.ByLocation.Select(x => (x.Group.Kind, x.Name, x.Line.Received)));
        Assert.Equal([car.CaseNumber, wider.CaseNumber],
            (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: result.ByLocation[0].Group), March, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        Assert.Equal([shop.CaseNumber],
            (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: result.ByLocation[1].Group), March, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
    }

    [Fact]
    public async Task Ten_products_are_named_and_the_rest_are_one_line_of_others()
    {
        var first = await RegisterAsync(2, "P1", null);
        await RegisterAsync(2, "p1", null);
        var cases = new Dictionary<string, Complaint>(StringComparer.Ordinal);
        for (var i = 2; i <= 11; i++)
        {
            var product = "P" + i;
            cases[product] = await RegisterAsync(3, product, null);
        }

        await using var db = Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        var result = await statistics.ReadAsync(March, Shanghai);

        // P1 has two; of the ones with one each, the first nine in order are named (P10, P11, P2 … P8), and P9 is the others'.
        Assert.Equal(["P1", "P10", "P11", "P2", "P3", "P4", "P5", "P6", "P7", "P8"],
            result.ByProduct.Where(x => x.Group.Kind == TextGroupKind.Named).Select(x => x.Name));
        Assert.Equal((TextGroupKind.Others, 1), (result.ByProduct[^1].Group.Kind, result.ByProduct[^1].Line.Received));
        Assert.Equal(12, result.ByProduct.Sum(x => x.Line.Received));
        Assert.Equal([cases["P9"].CaseNumber],
            (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: result.ByProduct[^1].Group), March, Shanghai, null, 0, 50)).Select(x => x.CaseNumber));
        Assert.Equal(2, (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: result.ByProduct[0].Group), March, Shanghai, null, 0, 50)).Count);
        Assert.Equal(first.CaseNumber, (await statistics.CasesAsync(StatisticsFigure.Received, new StatisticsSlice(Text: result.ByProduct[0].Group), March, Shanghai, null, 0, 1))[0].CaseNumber);
    }
}
