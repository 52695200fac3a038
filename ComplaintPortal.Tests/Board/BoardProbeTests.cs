using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Board;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's diagnostics probe: commit instants, the feed carrying them, and each board's render and acknowledgement marks.</summary>
public sealed class BoardProbeTests
{
    private readonly BoardProbe probe = new(TimeProvider.System, Options.Create(new BoardOptions { Diagnostics = true }));

    [Fact]
    public void Probe_is_off_unless_the_board_diagnostics_are_on()
    {
        var off = new BoardProbe(TimeProvider.System, Options.Create(new BoardOptions()));

        off.Committed([1, 2]);

        Assert.False(off.Enabled);
        Assert.Equal(0, off.CommitOf(1));
        Assert.Null(BoardProbeMarks.For(off));
        Assert.False(off.Report().Enabled);
        Assert.Equal(0, off.Report().Deliveries);
    }

    [Fact]
    public void Without_the_thread_clock_the_probe_still_times_renders_but_reports_no_cpu()
    {
        var clockless = new BoardProbe(TimeProvider.System, Options.Create(new BoardOptions { Diagnostics = true, DiagnosticsThreadCpu = false }));
        var marks = BoardProbeMarks.For(clockless)!;
        clockless.Committed([1]);

        var work = marks.Start();
        marks.Delivered(clockless.CommitOf(1));
        marks.Rendered();
        marks.Worked(work);
        var report = clockless.Report();

        Assert.Equal(0, work.CpuNanoseconds);
        Assert.False(report.ThreadCpuMeasured);
        Assert.Equal(1, report.Rendered.Count);
        Assert.Equal((1, 0.0), (report.Circuits.Count, report.Circuits.CpuMs));
        Assert.Null(report.CpuMsPerDelivery);
    }

    [Fact]
    public void Commit_instant_is_found_by_its_ledger_event_and_not_by_another()
    {
        probe.Committed([41, 42]);

        Assert.NotEqual(0, probe.CommitOf(41));
        Assert.Equal(probe.CommitOf(41), probe.CommitOf(42));
        Assert.Equal(0, probe.CommitOf(43));
        Assert.Equal(0, probe.CommitOf(41 + 4096)); // the same slot, another event
    }

    [Fact]
    public async Task Feed_gives_every_board_the_changes_commit_instant_and_counts_what_it_delivered()
    {
        var feed = new BoardChangeFeed(new OneRow(), TimeProvider.System, Options.Create(new BoardOptions()), NullLogger<BoardChangeFeed>.Instance, probe);
        var clerk = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "c"), new Claim(ClaimTypes.Role, PortalRoles.IntakeClerk)], "test"));
        var boards = Enumerable.Range(0, 3).Select(_ => feed.Subscribe(() => Task.FromResult(clerk))).ToList();
        probe.Committed([7]);

        await feed.PublishAsync([new CaseChange(7, 100, []), new CaseChange(8, 101, [])], CancellationToken.None);

        foreach (var board in boards)
        {
            Assert.True(board.Updates.TryRead(out var first));
            Assert.True(board.Updates.TryRead(out var second));
            Assert.Equal(probe.CommitOf(7), Assert.IsType<BoardRowChanged>(first).CommittedAt);
            Assert.Equal(0, Assert.IsType<BoardRowChanged>(second).CommittedAt); // not committed here
        }

        var report = probe.Report();
        Assert.Equal(2, report.Changes);
        Assert.Equal(6, report.Deliveries);
        Assert.Equal(3, report.DeliveriesWithoutCommit);
        Assert.Equal(1, report.FanOut.Count);
    }

    [Fact]
    public void Board_records_a_change_when_it_renders_it_and_again_when_the_browser_acknowledges_that_render()
    {
        var marks = BoardProbeMarks.For(probe)!;
        probe.Committed([1]);

        marks.Delivered(probe.CommitOf(1));
        marks.Rendered();
        var rendered = probe.Report();
        marks.Acknowledged();
        var acknowledged = probe.Report();

        Assert.Equal((1, 0), (rendered.Rendered.Count, rendered.Acknowledged.Count));
        Assert.Equal((1, 1), (acknowledged.Rendered.Count, acknowledged.Acknowledged.Count));
        Assert.NotNull(acknowledged.Acknowledged.P99Ms);
    }

    [Fact]
    public void Acknowledgement_counts_only_the_changes_of_the_render_it_belongs_to()
    {
        var marks = BoardProbeMarks.For(probe)!;
        probe.Committed([1, 2]);
        marks.Rendered(); // the board's first render, before any change
        marks.Delivered(probe.CommitOf(1));
        marks.Rendered();
        marks.Delivered(probe.CommitOf(2));
        marks.Rendered();

        marks.Acknowledged(); // the first render's batch
        Assert.Equal(0, probe.Report().Acknowledged.Count);
        marks.Acknowledged(); // the render holding change 1
        Assert.Equal(1, probe.Report().Acknowledged.Count);
        marks.Acknowledged();
        Assert.Equal(2, probe.Report().Acknowledged.Count);
        Assert.Equal(2, probe.Report().Rendered.Count);
    }

    [Fact]
    public void Change_from_another_instance_and_changes_beyond_the_marks_kept_are_not_recorded()
    {
        var marks = BoardProbeMarks.For(probe)!;
        probe.Committed([1]);

        marks.Delivered(0);
        for (var i = 0; i < 513; i++)
        {
            marks.Delivered(probe.CommitOf(1));
        }

        marks.Rendered();
        Assert.Equal(512, probe.Report().Rendered.Count);
        Assert.Equal(1, probe.Report().MarksDropped);
    }

    [Fact]
    public void Reset_starts_the_figures_afresh()
    {
        var marks = BoardProbeMarks.For(probe)!;
        probe.Committed([1]);
        marks.Delivered(probe.CommitOf(1));
        marks.Rendered();
        marks.Worked(marks.Start());

        probe.Reset();

        var report = probe.Report();
        Assert.Equal(0, report.Rendered.Count);
        Assert.Null(report.Rendered.P50Ms);
        Assert.Equal(0, report.Circuits.Count);
    }

    [Fact]
    public void Percentiles_are_the_nearest_rank_of_the_recorded_durations()
    {
        var samples = new ProbeSamples();
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
        {
            samples.Add(TimeSpan.FromMilliseconds(ms));
        }

        var figures = samples.Figures();

        Assert.Equal(new ProbeLatency(100, 50, 95, 99, 100), figures);
    }

    private sealed class OneRow : IBoardRowSource
    {
        public Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<BoardRow?>(new BoardRow(complaintId, "TS-" + complaintId, null, Priority.General, CaseStage.Registered,
                DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], null, null));

        public Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult(BoardTotals.Empty);

        public Task<IReadOnlyDictionary<string, int?>> DepartmentsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, int?>>(new Dictionary<string, int?>());
    }
}
