using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class ChecklistTests
{
    private static readonly SamplePlan Everything = new(SampleSizeMode.Rate, 100, 0, RiskWeighted: false);

    [Fact]
    public async Task The_default_checklist_covers_process_records_cause_solution_reply_callback_and_satisfaction()
    {
        await using var s = await SupervisionScenario.CreateAsync();

        var current = await s.WithAsync(db => ChecklistBook.CurrentVersionAsync(db, null));

        Assert.Equal(1, current!.Number);
        Assert.Equal(
            ["ProcessOnTime", "RecordComplete", "RootCauseCredible", "SolutionCarriedOut", "ReplyAppropriate", "CallbackDone", "CustomerSatisfied"],
            current.Items.OrderBy(i => i.Position).Select(i => i.Code));
        Assert.Equal("处理流程规范，并在期限内完成", current.Items.OrderBy(i => i.Position).First().TextZhHans);
    }

    [Fact]
    public async Task An_edit_publishes_a_new_version_and_an_earlier_sample_keeps_the_version_it_used()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(Everything)).Value!;
        var v1 = await s.WithAsync(db => ChecklistBook.CurrentVersionAsync(db, null));
        var edited = v1!.Items.OrderBy(i => i.Position)
            .Select(i => new ChecklistItemInput(i.Code, i.Code == "CallbackDone" ? "已按规定回访并记录" : i.TextZhHans, i.TextZhHant, i.TextEn))
            .Append(new ChecklistItemInput(null, "举一反三，已制定预防措施", null, "Prevention measures taken"))
            .ToList();

        var published = await s.WithAsync(db => new ChecklistBook(db, s.Driver.Time).PublishAsync(v1.ChecklistTemplateId, 1, edited, s.Admin));

        Assert.True(published.Succeeded, published.Error.ToString());
        var v2 = await s.WithAsync(db => ChecklistBook.CurrentVersionAsync(db, null));
        Assert.Equal(2, v2!.Number);
        Assert.Equal(8, v2.Items.Count);
        Assert.Equal("ITEM-1", v2.Items.Single(i => i.Position == 8).Code);
        Assert.Equal("举一反三，已制定预防措施", v2.Items.Single(i => i.Position == 8).TextZhHant);
        var check = await s.OpenCheckAsync(draw.Cases[0].Id);
        Assert.Equal(v1.Id, check!.Checklist.Id);
        Assert.Equal(7, check.Checklist.Items.Count);
        Assert.Equal("已回访", check.Checklist.Items.Single(i => i.Code == "CallbackDone").TextZhHans);
    }

    [Fact]
    public async Task Only_an_administrator_edits_and_a_stale_edit_is_refused()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var v1 = await s.WithAsync(db => ChecklistBook.CurrentVersionAsync(db, null));
        var items = new[] { new ChecklistItemInput(null, "记录完整", null, null) };

        Assert.Equal(SupervisionError.NotPermitted,
            (await s.WithAsync(db => new ChecklistBook(db, s.Driver.Time).PublishAsync(v1!.ChecklistTemplateId, 1, items, s.Member))).Error);
        Assert.True((await s.WithAsync(db => new ChecklistBook(db, s.Driver.Time).PublishAsync(v1!.ChecklistTemplateId, 1, items, s.Admin))).Succeeded);
        Assert.Equal(SupervisionError.ConcurrencyConflict,
            (await s.WithAsync(db => new ChecklistBook(db, s.Driver.Time).PublishAsync(v1!.ChecklistTemplateId, 1, items, s.Admin))).Error);
        Assert.Equal(SupervisionError.ItemsRequired,
            (await s.WithAsync(db => new ChecklistBook(db, s.Driver.Time).PublishAsync(v1!.ChecklistTemplateId, 2, [], s.Admin))).Error);
        Assert.Equal([SupervisionAction.ChecklistVersionPublished], await s.WithAsync(db => db.SupervisionLog.Select(e => e.Action).ToListAsync()));
    }
}
