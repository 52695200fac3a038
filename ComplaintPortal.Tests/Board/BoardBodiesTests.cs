using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

/// <summary>How the board groups its rows into bodies that keep their rows (<see cref="BoardBodies"/>).</summary>
public sealed class BoardBodiesTests
{
    [Fact]
    public void A_reload_groups_the_rows_by_the_set_size()
    {
        var bodies = new BoardBodies(50);

        bodies.Reset(120);

        Assert.Equal([50, 50, 20], Counts(bodies));
        Assert.Equal(120, bodies.Rows);
        Assert.Equal(3, bodies.All.Select(b => b.Key).Distinct().Count());
    }

    [Fact]
    public void An_inserted_row_joins_only_the_body_it_lands_in()
    {
        var bodies = new BoardBodies(50);
        bodies.Reset(150);
        var keys = Keys(bodies);

        bodies.Inserted(0);
        bodies.Inserted(75);
        // Between the second and third bodies (after row 101 of 152): the earlier body's end.
        bodies.Inserted(102);
        bodies.Inserted(153);

        Assert.Equal([51, 52, 51], Counts(bodies));
        Assert.Equal(keys, Keys(bodies));
        Assert.Equal(154, bodies.Rows);
    }

    [Fact]
    public void A_removed_row_leaves_only_its_body_and_an_emptied_body_goes()
    {
        var bodies = new BoardBodies(2);
        bodies.Reset(5);
        var keys = Keys(bodies);

        bodies.Removed(4);
        Assert.Equal([2, 2], Counts(bodies));
        Assert.Equal(keys.Take(2), Keys(bodies));

        bodies.Removed(0);
        bodies.Removed(0);
        Assert.Equal([2], Counts(bodies));
        Assert.Equal([keys[1]], Keys(bodies));
    }

    [Fact]
    public void A_body_past_one_and_a_half_times_the_size_splits_in_two_under_a_new_key()
    {
        var bodies = new BoardBodies(4);
        bodies.Reset(8);
        var keys = Keys(bodies);

        bodies.Inserted(1);
        bodies.Inserted(1);
        Assert.Equal([6, 4], Counts(bodies));

        bodies.Inserted(1);

        Assert.Equal([4, 3, 4], Counts(bodies));
        Assert.Equal(keys[0], bodies.All[0].Key);
        Assert.Equal(keys[1], bodies.All[2].Key);
        Assert.DoesNotContain(bodies.All[1].Key, keys);
    }

    [Fact]
    public void The_first_row_of_an_empty_board_gets_a_body()
    {
        var bodies = new BoardBodies(50);
        bodies.Reset(0);
        Assert.Empty(bodies.All);

        bodies.Inserted(0);

        Assert.Equal([1], Counts(bodies));
    }

    [Fact]
    public void Rows_outside_the_page_are_refused()
    {
        var bodies = new BoardBodies(50);
        bodies.Reset(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => bodies.Inserted(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => bodies.Removed(3));
        Assert.Equal(3, bodies.Rows);
    }

    private static List<int> Counts(BoardBodies bodies) => bodies.All.Select(b => b.Count).ToList();

    private static List<object> Keys(BoardBodies bodies) => bodies.All.Select(b => b.Key).ToList();
}
