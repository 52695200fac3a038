using System.Collections.Concurrent;
using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

public sealed class BoardChangeFeedTests
{
    private const int Quality = 4;
    private const int Engineering = 7;
    private readonly RowSource source = new();
    private readonly SettableTimeProvider time = new();
    private readonly BoardChangeFeed feed;

    public BoardChangeFeedTests() =>
        feed = new BoardChangeFeed(source, time, Options.Create(new BoardOptions()), NullLogger<BoardChangeFeed>.Instance);

    [Fact]
    public async Task A_change_is_read_once_per_audience_however_many_boards_are_open()
    {
        var clerks = Open(30, "clerk", PortalRoles.IntakeClerk);
        var leaders = Open(10, "leader", PortalRoles.Leadership);
        var quality = Open(20, "qa", PortalRoles.DepartmentHandler, Quality);
        var engineering = Open(15, "eng", PortalRoles.DepartmentHead, Engineering);
        source.Cases[100] = Row(100, Quality);

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        // One read for "every case" (clerks and leaders alike), one for the quality department.
        Assert.Equal(2, source.RowReads.Count);
        Assert.Equal(1, source.DepartmentReads);
        Assert.All(clerks.Concat(leaders).Concat(quality), board => Assert.Equal(100, Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board))).Row?.ComplaintId));
        Assert.All(engineering, board => Assert.Empty(Drain(board)));
    }

    [Fact]
    public async Task The_boards_of_one_audience_share_one_message_per_change()
    {
        var clerks = Open(5, "clerk", PortalRoles.IntakeClerk);
        source.Cases[100] = Row(100, Quality);

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        var messages = clerks.Select(board => Assert.Single(Drain(board))).ToList();
        Assert.All(messages, message => Assert.Same(messages[0], message));
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_for_one_audience_still_reaches_the_others()
    {
        var clerks = Open(2, "clerk", PortalRoles.IntakeClerk);
        var quality = Open(2, "qa", PortalRoles.DepartmentHandler, Quality);
        source.Cases[100] = Row(100, Quality);
        source.FailingDepartment = Quality;

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        Assert.All(quality, board => Assert.Empty(Drain(board)));
        Assert.All(clerks, board => Assert.Equal(100, Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board))).Row?.ComplaintId));
    }

    [Fact]
    public async Task A_department_never_receives_another_departments_case()
    {
        var engineering = Open(3, "eng", PortalRoles.DepartmentHandler, Engineering);
        source.Cases[100] = Row(100, Quality);

        await feed.PublishAsync([new CaseChange(1, 100, [Quality]), new CaseChange(2, 100, [Quality])], CancellationToken.None);

        Assert.All(engineering, board => Assert.Empty(Drain(board)));
        Assert.Empty(source.RowReads);
    }

    [Fact]
    public async Task A_board_showing_a_case_hears_when_it_leaves_its_department()
    {
        var board = Assert.Single(Open(1, "eng", PortalRoles.DepartmentHandler, Engineering));
        board.Showing([100]);
        source.Cases[100] = Row(100, Quality);

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        var change = Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board)));
        Assert.Null(change.Row);
    }

    [Fact]
    public async Task Rights_are_taken_from_the_current_sign_in_on_every_change()
    {
        var principal = User("qa-1", PortalRoles.DepartmentHandler);
        source.Departments["qa-1"] = Quality;
        var board = feed.Subscribe(() => Task.FromResult(principal));
        board.Showing([100]);
        source.Cases[100] = Row(100, Quality);

        principal = new ClaimsPrincipal(new ClaimsIdentity()); // signed out (revalidation failed)
        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        Assert.Null(Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board))).Row);
        Assert.Empty(source.RowReads);
    }

    [Fact]
    public async Task A_moved_handler_stops_receiving_the_old_departments_cases()
    {
        var board = Assert.Single(Open(1, "qa", PortalRoles.DepartmentHandler, Quality));
        source.Cases[100] = Row(100, Quality);
        source.Departments["qa-0"] = Engineering; // moved by an administrator; the sign-in is unchanged

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        Assert.Empty(Drain(board));
    }

    [Fact]
    public async Task A_closed_board_leaves_the_feed_and_hears_nothing_more()
    {
        var boards = Open(2, "clerk", PortalRoles.IntakeClerk);
        source.Cases[100] = Row(100, Quality);

        boards[0].Dispose();
        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        Assert.Equal(1, feed.Subscribers);
        Assert.Empty(Drain(boards[0]));
        Assert.Single(Drain(boards[1]));
        Assert.True(boards[0].Updates.Completion.IsCompleted);
    }

    [Fact]
    public async Task Totals_are_counted_once_per_audience_and_filter_for_the_boards_a_change_concerns()
    {
        var clerks = Open(5, "clerk", PortalRoles.IntakeClerk);
        var urgentOnly = new BoardFilter { Priority = Priority.Urgent };
        foreach (var board in clerks)
        {
            board.CountTotalsFor(new BoardViewer(true, null), board == clerks[0] ? urgentOnly : BoardFilter.None with { Sort = BoardSort.Received });
        }

        source.Cases[100] = Row(100, Quality);
        await feed.RefreshTotalsAsync(CancellationToken.None); // the first refresh counts every board
        Assert.Equal(2, source.TotalsReads);

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);
        time.Set(time.GetUtcNow().AddSeconds(3));
        await feed.RefreshTotalsAsync(CancellationToken.None);

        Assert.Equal(4, source.TotalsReads);
        Assert.All(clerks, board => Assert.Equal(2, Drain(board).OfType<BoardTotalsChanged>().Count()));
    }

    [Fact]
    public async Task Totals_due_when_a_change_arrives_reach_each_board_right_behind_its_row()
    {
        var clerks = OpenCountingTotals(3);

        source.Cases[100] = Row(100, Quality);
        await feed.RefreshTotalsAsync(CancellationToken.None); // the first refresh counts every board
        clerks.ForEach(board => Drain(board));

        // Within the interval the row goes alone; its totals wait.
        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);
        Assert.All(clerks, board => Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board))));

        // Past it, the next change's row and then the totals, counted once for the three boards: one render each.
        time.Set(time.GetUtcNow().AddSeconds(3));
        source.Cases[101] = Row(101, Quality);
        var reads = source.TotalsReads;
        await feed.PublishAsync([new CaseChange(2, 101, [Quality])], CancellationToken.None);

        Assert.Equal(reads + 1, source.TotalsReads);
        Assert.All(clerks, board => Assert.Collection(Drain(board),
            update => Assert.Equal(101, Assert.IsType<BoardRowChanged>(update).ComplaintId),
            update => Assert.Equal(2, Assert.IsType<BoardTotalsChanged>(update).Totals.Open)));
    }

    [Fact]
    public async Task Totals_that_cannot_be_counted_do_not_hold_back_the_rows()
    {
        var clerks = OpenCountingTotals(2);

        source.Cases[100] = Row(100, Quality);
        source.TotalsFail = true;

        await feed.PublishAsync([new CaseChange(1, 100, [Quality])], CancellationToken.None);

        Assert.All(clerks, board => Assert.Equal(100, Assert.IsType<BoardRowChanged>(Assert.Single(Drain(board))).ComplaintId));
    }

    private List<BoardSubscription> Open(int count, string name, string role, int? department = null)
    {
        var boards = new List<BoardSubscription>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{name}-{i}";
            source.Departments[id] = department;
            var principal = User(id, role);
            boards.Add(feed.Subscribe(() => Task.FromResult(principal)));
        }

        return boards;
    }

    /// <summary>Clerks' boards, each counting the totals of every case.</summary>
    private List<BoardSubscription> OpenCountingTotals(int count)
    {
        var clerks = Open(count, "clerk", PortalRoles.IntakeClerk);
        clerks.ForEach(board => board.CountTotalsFor(new BoardViewer(true, null), BoardFilter.None));
        return clerks;
    }

    private static ClaimsPrincipal User(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "test"));

    private static List<BoardUpdate> Drain(BoardSubscription board)
    {
        var updates = new List<BoardUpdate>();
        while (board.Updates.TryRead(out var update))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static BoardRow Row(int id, params int[] departments) => new(
        id, "TS-" + id, null, Priority.General, CaseStage.InDepartments, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        [.. departments.Select(d => new BoardTask(d, null, DepartmentTaskStatus.Assigned, DateTimeOffset.UnixEpoch))], null, null);

    /// <summary>Answers as the database would and counts every read.</summary>
    private sealed class RowSource : IBoardRowSource
    {
        public ConcurrentDictionary<int, BoardRow> Cases { get; } = new();

        public ConcurrentDictionary<string, int?> Departments { get; } = new();

        public ConcurrentBag<(BoardViewer Viewer, int Id)> RowReads { get; } = [];

        public int DepartmentReads { get; private set; }

        public int TotalsReads { get; private set; }

        /// <summary>Reading a row for this department's audience fails (as a broken query or connection would).</summary>
        public int? FailingDepartment { get; set; }

        public Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            RowReads.Add((viewer, complaintId));
            if (viewer.DepartmentId is { } department && department == FailingDepartment)
            {
                return Task.FromException<BoardRow?>(new InvalidOperationException("row unreadable"));
            }

            var row = Cases.GetValueOrDefault(complaintId);
            return Task.FromResult(row is not null && (viewer.SeesEveryCase || (viewer.DepartmentId is { } d && row.HasTaskFor(d))) ? row : null);
        }

        /// <summary>Counting totals fails (as a timed-out count would).</summary>
        public bool TotalsFail { get; set; }

        public Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
        {
            TotalsReads++;
            if (TotalsFail)
            {
                return Task.FromException<BoardTotals>(new TimeoutException("count timed out"));
            }

            return Task.FromResult(new BoardTotals(Cases.Count, 0, 0, Cases.Count, 0));
        }

        public Task<IReadOnlyDictionary<string, int?>> DepartmentsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
        {
            DepartmentReads++;
            return Task.FromResult<IReadOnlyDictionary<string, int?>>(userIds.Where(Departments.ContainsKey).ToDictionary(id => id, id => Departments[id]));
        }
    }
}
