using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>The committee's register of draws and a draw's list of cases, paged and sorted on the database.</summary>
public sealed class DrawRegisterTests
{
    [Fact]
    public async Task Every_view_and_order_read_two_at_a_time_is_the_register_sorted_and_counted()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discardedId, checkedId, quarterId) = await s.ThreeDrawsAsync();
        var all = await s.WithAsync(db => db.SampleDraws.AsNoTracking().Include(d => d.Cases).ToListAsync());

        foreach (var shown in Enum.GetValues<DrawShown>())
        {
            var selected = all.Where(d => shown switch
            {
                DrawShown.Active => d.Status == SampleDrawStatus.Active,
                DrawShown.Discarded => d.Status == SampleDrawStatus.Discarded,
                _ => true,
            }).ToList();
            foreach (var order in Enum.GetValues<DrawOrder>())
            {
                foreach (var descending in new[] { false, true })
                {
                    Func<SampleDraw, DateTimeOffset> key = order == DrawOrder.Period ? d => d.PeriodStart : d => d.DrawnAt;
                    var expected = (descending
                        ? selected.OrderByDescending(key).ThenByDescending(d => d.Id)
                        : selected.OrderBy(key).ThenBy(d => d.Id)).Select(d => d.Id).ToList();
                    var read = new List<int>();
                    for (var skip = 0; ; skip += 2)
                    {
                        var (rows, total) = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).DrawPageAsync(s.OtherMember, shown, order, descending, skip, 2));
                        Assert.Equal(selected.Count, total);
                        read.AddRange(rows.Select(r => r.Id));
                        if (rows.Count < 2)
                        {
                            break;
                        }
                    }

                    Assert.True(expected.SequenceEqual(read), $"{shown} by {order}{(descending ? " descending" : "")}: [{string.Join(", ", read)}]");
                }
            }
        }

        // By period the quarter (from January) comes before March; by the time drawn it is the newest.
        var byPeriod = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).DrawPageAsync(s.Member, DrawShown.All, DrawOrder.Period, false, 0, 10));
        Assert.Equal([quarterId, discardedId, checkedId], byPeriod.Rows.Select(r => r.Id));
        Assert.Equal(new DrawViewCounts(3, 2, 1), await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).DrawCountsAsync(s.Member)));
    }

    [Fact]
    public async Task A_draws_summary_counts_its_cases_and_checks_and_says_whether_it_may_be_discarded()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discardedId, checkedId, quarterId) = await s.ThreeDrawsAsync();
        var summaries = await s.WithAsync(async db =>
        {
            var drawing = new SampleDrawing(db, s.Driver.Time);
            return (await drawing.FindAsync(discardedId, s.Member), await drawing.FindAsync(checkedId, s.Member), await drawing.FindAsync(quarterId, s.Member));
        });

        var (discarded, checkedDraw, quarter) = (summaries.Item1!, summaries.Item2!, summaries.Item3!);
        Assert.Equal((SampleDrawStatus.Discarded, 4, 0, 0, false), (discarded.Status, discarded.Drawn, discarded.Checked, discarded.ToCheck, discarded.Discardable));
        Assert.Equal("抽查范围需重新确定", discarded.DiscardReason);
        Assert.Equal(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), discarded.Period);
        Assert.Equal((SampleDrawStatus.Active, 4, 2, 2, false), (checkedDraw.Status, checkedDraw.Drawn, checkedDraw.Checked, checkedDraw.ToCheck, checkedDraw.Discardable));
        Assert.Equal((2, 6, SupervisionScenario.FourCases), (checkedDraw.Seed, checkedDraw.CandidateCount, checkedDraw.Plan));
        Assert.Equal((SampleDrawStatus.Active, 4, 0, 4, true), (quarter.Status, quarter.Drawn, quarter.Checked, quarter.ToCheck, quarter.Discardable));
        Assert.Equal(new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1), quarter.Period);
        Assert.Equal([checkedId, quarterId], (await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).ActiveDrawsAsync(s.Member))).Select(d => d.Id));
        Assert.Null(await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).FindAsync(-1, s.Member)));
    }

    [Fact]
    public async Task A_draws_cases_by_check_in_every_order_read_two_at_a_time_are_its_cases_sorted_and_counted()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discardedId, checkedId, _) = await s.ThreeDrawsAsync();
        var cases = await s.WithAsync(db => db.SampledCases.AsNoTracking().Where(c => c.SampleDrawId == checkedId)
            .Join(db.Complaints, c => c.ComplaintId, c => c.Id, (c, complaint) => new { c, complaint.CaseNumber }).ToListAsync());

        foreach (var shown in Enum.GetValues<DrawnCaseShown>())
        {
            var selected = cases.Where(x => shown switch
            {
                DrawnCaseShown.ToCheck => x.c.CheckStatus == CheckStatus.Pending,
                DrawnCaseShown.Checked => x.c.CheckStatus == CheckStatus.Completed,
                DrawnCaseShown.Cancelled => x.c.CheckStatus == CheckStatus.Cancelled,
                _ => true,
            }).ToList();
            foreach (var order in Enum.GetValues<DrawnCaseOrder>())
            {
                foreach (var descending in new[] { false, true })
                {
                    var expected = (order, descending) switch
                    {
                        (DrawnCaseOrder.Case, false) => selected.OrderBy(x => x.CaseNumber, StringComparer.Ordinal),
                        (DrawnCaseOrder.Case, true) => selected.OrderByDescending(x => x.CaseNumber, StringComparer.Ordinal),
                        (DrawnCaseOrder.CheckedAt, false) => selected.OrderBy(x => x.c.CheckedAt is null).ThenBy(x => x.c.CheckedAt).ThenBy(x => x.c.DrawOrder),
                        (DrawnCaseOrder.CheckedAt, true) => selected.OrderBy(x => x.c.CheckedAt is null).ThenByDescending(x => x.c.CheckedAt).ThenBy(x => x.c.DrawOrder),
                        (_, false) => selected.OrderBy(x => x.c.DrawOrder),
                        _ => selected.OrderByDescending(x => x.c.DrawOrder),
                    };
                    var read = new List<DrawnCaseRow>();
                    for (var skip = 0; ; skip += 2)
                    {
                        var (rows, total) = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).CasePageAsync(checkedId, s.Member, shown, order, descending, skip, 2));
                        Assert.Equal(selected.Count, total);
                        read.AddRange(rows);
                        if (rows.Count < 2)
                        {
                            break;
                        }
                    }

                    Assert.True(expected.Select(x => x.c.Id).SequenceEqual(read.Select(r => r.SampledCaseId)),
                        $"{shown} by {order}{(descending ? " descending" : "")}: [{string.Join(", ", read.Select(r => r.DrawOrder))}]");
                    Assert.All(read, r => Assert.Equal(cases.Single(x => x.c.Id == r.SampledCaseId).CaseNumber, r.CaseNumber));
                }
            }
        }

        // Checked first: the third drawn (with its one finding), then the first.
        var (byCheck, _) = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).CasePageAsync(checkedId, s.Member, DrawnCaseShown.Checked,
            DrawnCaseOrder.CheckedAt, false, 0, 10));
        Assert.Equal([(3, 1), (1, 0)], byCheck.Select(r => (r.DrawOrder, r.Findings)));
        Assert.Equal(new DrawnCaseCounts(4, 2, 2, 0), await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).CaseCountsAsync(checkedId, s.Member)));
        Assert.Equal(new DrawnCaseCounts(4, 0, 0, 4), await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).CaseCountsAsync(discardedId, s.Member)));
    }

    [Fact]
    public async Task The_check_queue_read_two_at_a_time_is_every_pending_check_of_an_active_draw_by_period_or_case()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedId, quarterId) = await s.ThreeDrawsAsync();
        var pending = await s.WithAsync(db => db.SampledCases.AsNoTracking().Where(c => c.CheckStatus == CheckStatus.Pending)
            .Join(db.Complaints, c => c.ComplaintId, c => c.Id, (c, complaint) => new { c.Id, c.SampleDrawId, c.DrawOrder, complaint.CaseNumber }).ToListAsync());
        // The discarded draw's checks were cancelled; two of March's are done: March's other two and the quarter's four wait.
        Assert.Equal(6, pending.Count);
        Assert.Equal(2, pending.Count(p => p.SampleDrawId == checkedId));

        var byDraw = pending.OrderBy(p => p.SampleDrawId == checkedId).ThenBy(p => p.DrawOrder).Select(p => p.Id).ToList();
        var byDrawDescending = pending.OrderBy(p => p.SampleDrawId == quarterId).ThenBy(p => p.DrawOrder).Select(p => p.Id).ToList();
        var byCase = pending.OrderBy(p => p.CaseNumber, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        var byCaseDescending = pending.OrderByDescending(p => p.CaseNumber, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        foreach (var (order, descending, expected) in new[]
                 {
                     (CheckQueueOrder.Draw, false, byDraw), (CheckQueueOrder.Draw, true, byDrawDescending),
                     (CheckQueueOrder.Case, false, byCase), (CheckQueueOrder.Case, true, byCaseDescending),
                 })
        {
            var read = new List<int>();
            for (var skip = 0; ; skip += 2)
            {
                var (rows, total) = await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared)
                    .QueueAsync(s.OtherMember, everyone: true, order, descending, skip, 2));
                Assert.Equal(6, total);
                read.AddRange(rows.Select(r => r.SampledCaseId));
                if (rows.Count < 2)
                {
                    break;
                }
            }

            Assert.True(expected.SequenceEqual(read), $"{order}{(descending ? " descending" : "")}: [{string.Join(", ", read)}]");
        }

        // The member drew them all: all six are theirs, none the other member's.
        Assert.Equal((6, 6), await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared).QueueCountsAsync(s.Member)));
        Assert.Equal((0, 6), await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared).QueueCountsAsync(s.OtherMember)));
    }

    [Fact]
    public async Task A_members_next_check_is_their_first_waiting_one_in_the_queues_order_other_than_the_one_open()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedId, quarterId) = await s.ThreeDrawsAsync();
        var cases = await s.WithAsync(db => db.SampledCases.AsNoTracking().ToListAsync());
        var quarter = cases.Where(c => c.SampleDrawId == quarterId).OrderBy(c => c.DrawOrder).Select(c => c.Id).ToList();
        var done = cases.First(c => c.SampleDrawId == checkedId && c.CheckStatus == CheckStatus.Completed).Id;
        Task<(int? Next, int Waiting)> Next(ActingUser actor, int current) =>
            s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared).NextAsync(actor, current));

        // From a check just done: the first waiting (the quarter's first drawn), six waiting in all.
        Assert.Equal((quarter[0], 6), await Next(s.Member, done));
        // From the first waiting: the next one, five besides it.
        Assert.Equal((quarter[1], 5), await Next(s.Member, quarter[0]));
        // The other member drew none: nothing waits for them; nor for anyone outside the committee.
        Assert.Equal((null, 0), await Next(s.OtherMember, done));
        Assert.Equal((null, 0), await Next(s.Driver.Leader, done));
    }

    [Fact]
    public async Task Nobody_outside_the_committee_reads_a_draw()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedId, _) = await s.ThreeDrawsAsync();
        foreach (var outsider in new[] { s.Driver.Clerk, s.Driver.Leader, s.Driver.HeadOf(DepartmentCatalog.Quality), s.Admin })
        {
            await s.WithAsync(async db =>
            {
                var drawing = new SampleDrawing(db, s.Driver.Time);
                Assert.Empty((await drawing.DrawPageAsync(outsider, DrawShown.All, DrawOrder.DrawnAt, true, 0, 10)).Rows);
                Assert.Equal(DrawViewCounts.None, await drawing.DrawCountsAsync(outsider));
                Assert.Empty(await drawing.ActiveDrawsAsync(outsider));
                Assert.Null(await drawing.FindAsync(checkedId, outsider));
                Assert.Empty((await drawing.CasePageAsync(checkedId, outsider, DrawnCaseShown.All, DrawnCaseOrder.DrawOrder, false, 0, 10)).Rows);
                Assert.Equal(DrawnCaseCounts.None, await drawing.CaseCountsAsync(checkedId, outsider));
                return 0;
            });
        }
    }
}
