using System.Net;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web.Supervision;

/// <summary>A draw's list of cases as a workbook for the committee's file, through the real pipeline.</summary>
public sealed class DrawExportTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    /// <summary>Two quality cases closed in March, drawn on April 1 with seed 7.</summary>
    private async Task<SampleDraw> DrawAsync()
    {
        var actions = new AppActions(app.Services);
        var first = await actions.ClosedQualityCaseAsync();
        var second = await actions.ClosedQualityCaseAsync();
        ((SettableTimeProvider)app.Time).Set(SlaCalendars.Mainland.At("2026-04-01 09:00"));
        var member = await actions.UserAsync("supervisor");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SampleDrawing>().DrawAsync(
            new SampleRequest(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), new SamplePlan(SampleSizeMode.Count, 2, 1, RiskWeighted: false), Seed: 7),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), member);
        Assert.True(result.Succeeded, result.Error.ToString());
        Assert.Equal([first.Id, second.Id], result.Value!.Cases.Select(c => c.ComplaintId).Order());
        return result.Value;
    }

    [Fact]
    public async Task The_committee_exports_a_draw_with_its_parameters_above_every_case_in_the_order_drawn()
    {
        var draw = await DrawAsync();
        var client = await app.SignedInAsync("supervisor");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync($"/supervision/samples/{draw.Id}/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"sample-{draw.Id}.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("抽查样本：2026年3月", sheet.Cell(1, 1).GetString());
        Assert.Equal("有效", Line(sheet, "状态"));
        Assert.Equal("7", Line(sheet, "随机种子"));
        Assert.StartsWith("要求 2 件", Line(sheet, "样本"), StringComparison.Ordinal);
        // The header and data rows: the autofilter covers exactly them.
        var rows = sheet.AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal(["序号", "案件", "部门", "类别", "风险", "抽查人", "抽查", "抽查时间", "问题数"], rows[0]);
        var numbers = await app.WithDbAsync(db => Task.FromResult(draw.Cases.OrderBy(c => c.DrawOrder)
            .Select(c => db.Complaints.Single(x => x.Id == c.ComplaintId).CaseNumber).ToList()));
        Assert.Equal(numbers, rows.Skip(1).Select(r => r[1]));
        Assert.Equal(["1", "2"], rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal(("质量部", "待抽查", ""), (r[2], r[6], r[8])));
    }

    [Fact]
    public async Task Nobody_else_exports_a_draw_and_an_unknown_one_is_not_found()
    {
        var draw = await DrawAsync();

        var leader = await app.SignedInAsync("leader");
        var refused = await leader.GetAsync($"/supervision/samples/{draw.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/access-denied", refused.Headers.Location!.AbsolutePath);
        var member = await app.SignedInAsync("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/supervision/samples/{draw.Id + 1}/export.xlsx")).StatusCode);
    }

    /// <summary>A heading line's value, by its label in the first column.</summary>
    private static string Line(IXLWorksheet sheet, string label) =>
        sheet.Column(1).CellsUsed().First(c => c.GetString() == label).CellRight().GetString();

    public void Dispose() => app.Dispose();
}
