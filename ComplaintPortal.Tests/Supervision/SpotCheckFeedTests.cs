using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>What the committee's open pages hear: each draw, discard and check once it is committed, and nothing that was refused.</summary>
public sealed class SpotCheckFeedTests
{
    private static readonly ReportPeriod FirstQuarter = new(ReportPeriodKind.Quarter, 2026, 1);

    [Fact]
    public async Task A_draw_a_check_and_a_discard_are_published_once_committed_and_what_is_refused_is_not()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        }

        s.SetLocal("2026-04-01 09:00");
        var heard = new List<SpotCheckChange>();
        using (s.SpotChecks.Subscribe(heard.Add))
        {
            var march = (await s.DrawAsync(SupervisionScenario.FourCases, seed: 1)).Value!;
            // Refused: March has an active draw; a stranger may not draw; an empty reason discards nothing.
            Assert.Equal(SupervisionError.ActiveSampleExists, (await s.DrawAsync(SupervisionScenario.FourCases, seed: 2)).Error);
            Assert.Equal(SupervisionError.NotPermitted, (await s.DrawAsync(SupervisionScenario.FourCases, actor: s.Admin, period: FirstQuarter)).Error);
            Assert.Equal(SupervisionError.InputRequired, (await s.DiscardAsync(march.Id, " ")).Error);
            var first = march.Cases.OrderBy(c => c.DrawOrder).First();
            Assert.True((await s.CompleteCheckAsync(first.Id, [], actor: s.OtherMember)).Succeeded);
            // Refused: the check is done, and a draw with a check done is not discarded.
            Assert.Equal(SupervisionError.WrongState, (await s.CompleteCheckAsync(first.Id, [])).Error);
            Assert.Equal(SupervisionError.SampleAlreadyChecked, (await s.DiscardAsync(march.Id, "重新抽样")).Error);
            var quarter = (await s.DrawAsync(SupervisionScenario.FourCases, seed: 3, period: FirstQuarter)).Value!;
            Assert.True((await s.DiscardAsync(quarter.Id, "季度抽查改为按月进行")).Succeeded);

            Assert.Equal(
            [
                new SpotCheckChange(SpotCheckChangeKind.Drawn, march.Id),
                new SpotCheckChange(SpotCheckChangeKind.Checked, march.Id, first.Id),
                new SpotCheckChange(SpotCheckChangeKind.Drawn, quarter.Id),
                new SpotCheckChange(SpotCheckChangeKind.Discarded, quarter.Id),
            ], heard);
        }

        // Once the subscription is disposed, nothing more is heard.
        var count = heard.Count;
        s.SpotChecks.Publish(new SpotCheckChange(SpotCheckChangeKind.Drawn, 99));
        Assert.Equal(count, heard.Count);
    }
}
