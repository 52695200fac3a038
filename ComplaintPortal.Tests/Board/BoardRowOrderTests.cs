using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Board;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Tests.Board;

public class BoardRowOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadline_order_puts_the_nearest_deadline_first_and_rows_without_one_last()
    {
        var rows = new[] { Row(1, due: Now.AddHours(5)), Row(2), Row(3, due: Now.AddHours(-1)), Row(4, due: Now.AddHours(5)) };

        var sorted = rows.Order(BoardRowOrder.For(BoardSort.Deadline)).Select(r => r.ComplaintId);

        Assert.Equal([3, 1, 4, 2], sorted);
    }

    [Fact]
    public void Deadline_order_puts_cases_without_a_deadline_before_paused_ones()
    {
        var paused = Row(1, due: Now.AddHours(1)) with { Stage = CaseStage.WaitingForCustomer };
        var rows = new[] { paused, Row(2), Row(3, due: Now.AddHours(5)) };

        Assert.Equal([3, 2, 1], rows.Order(BoardRowOrder.For(BoardSort.Deadline)).Select(r => r.ComplaintId));
    }

    [Fact]
    public void Newest_first_and_case_number_orders_match_the_query()
    {
        var rows = new[] { Row(1, received: Now.AddDays(-2), number: "TS-3"), Row(2, received: Now, number: "TS-1"), Row(3, received: Now.AddDays(-1), number: "TS-2") };

        Assert.Equal([2, 3, 1], rows.Order(BoardRowOrder.For(BoardSort.Received)).Select(r => r.ComplaintId));
        Assert.Equal([2, 3, 1], rows.Order(BoardRowOrder.For(BoardSort.CaseNumber)).Select(r => r.ComplaintId));
    }

    [Fact]
    public void Row_arriving_live_is_inserted_where_the_sort_puts_it()
    {
        var order = BoardRowOrder.For(BoardSort.Deadline);
        var lines = new[] { Row(1, due: Now.AddHours(1)), Row(2, due: Now.AddHours(3)), Row(3) }.Select(Line).ToList();

        Assert.Equal(1, BoardPlacement.IndexFor(lines, Row(9, due: Now.AddHours(2)), order));
        Assert.Equal(0, BoardPlacement.IndexFor(lines, Row(9, due: Now), order));
        Assert.Equal(3, BoardPlacement.IndexFor(lines, Row(9), order));
    }

    [Theory]
    [InlineData(5, 10, 10, 0, false, true)] // inside the first page
    [InlineData(10, 10, 10, 0, false, false)] // after the end of a full page: the next page's
    [InlineData(0, 10, 10, 1, false, false)] // before the start of page 2: an earlier page's
    [InlineData(0, 9, 10, 1, true, true)] // was this page's first row and still is
    [InlineData(3, 3, 10, 0, false, true)] // end of a page that is not full
    public void Row_belongs_on_the_page_only_within_its_range(int index, int count, int pageSize, int pageIndex, bool wasHere, bool belongs)
    {
        Assert.Equal(belongs, BoardPlacement.BelongsOnPage(index, count, pageSize, pageIndex, wasHere));
    }

    [Fact]
    public void Filter_admits_live_rows_as_the_query_would()
    {
        var soon = Row(1, due: Now.AddHours(1), dueSoon: Now.AddMinutes(-5));
        var overdue = Row(2, due: Now.AddHours(-1));
        var onTrack = Row(3, due: Now.AddDays(1), dueSoon: Now.AddHours(12));

        Assert.True(new BoardFilter { DueSoonOnly = true }.Admits(soon, Now));
        Assert.False(new BoardFilter { DueSoonOnly = true }.Admits(onTrack, Now));
        Assert.True(new BoardFilter { OverdueOnly = true }.Admits(overdue, Now));
        Assert.False(new BoardFilter { OverdueOnly = true }.Admits(soon, Now));
        Assert.False(new BoardFilter { DepartmentId = 9 }.Admits(soon, Now));
        Assert.True(new BoardFilter { DepartmentId = 4 }.Admits(soon, Now));
        Assert.False(new BoardFilter { Stage = CaseStage.Assessed }.Admits(soon, Now));
    }

    private static BoardLine Line(BoardRow row) =>
        new(row, new MarkupString(""), new BoardLookups(new Dictionary<int, string>(), new Dictionary<int, string>()), "en", "none");

    private static BoardRow Row(int id, DateTimeOffset? due = null, DateTimeOffset? dueSoon = null, DateTimeOffset? received = null, string? number = null) => new(
        id, number ?? "TS-" + id, null, Priority.General, CaseStage.InDepartments, received ?? Now, Now,
        [new BoardTask(4, null, DepartmentTaskStatus.Assigned, Now)], due, dueSoon);
}
