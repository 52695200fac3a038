namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// How a board's rows are grouped into <c>&lt;tbody&gt;</c> elements. A body keeps its rows while changes come and go: a
/// new case joins the body it lands in and the page's last row leaves the last body, so no row crosses from one body into
/// the next. The render's diff then finds every other body's rows where they were, instead of looking each body's rows up
/// by key because all of them moved by one (bench/README.md, "Bodies that keep their rows"). A body that grows past one and
/// a half times <see cref="BoardOptions.RowsPerBody"/> splits in two; an emptied one goes; a reload groups the rows afresh.
/// </summary>
internal sealed class BoardBodies(int rowsPerBody)
{
    private readonly List<Body> bodies = [];
    private readonly int rowsPerBody = Math.Max(1, rowsPerBody);
    private int nextKey;

    /// <summary>The bodies in page order; each one's rows follow the previous one's.</summary>
    public IReadOnlyList<Body> All => bodies;

    /// <summary>Rows in all bodies (always the board's row count).</summary>
    public int Rows { get; private set; }

    /// <summary>Groups <paramref name="rows"/> rows afresh, <see cref="BoardOptions.RowsPerBody"/> to a body.</summary>
    public void Reset(int rows)
    {
        bodies.Clear();
        for (var start = 0; start < rows; start += rowsPerBody)
        {
            bodies.Add(New(Math.Min(rowsPerBody, rows - start)));
        }

        Rows = rows;
    }

    /// <summary>A row was inserted at <paramref name="index"/> (0 to <see cref="Rows"/>).</summary>
    public void Inserted(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Rows);
        Rows++;
        if (bodies.Count == 0)
        {
            bodies.Add(New(1));
            return;
        }

        // The body the row lands in; a row between two bodies joins the earlier one's end.
        var (at, start) = (0, 0);
        while (index > start + bodies[at].Count && at < bodies.Count - 1)
        {
            start += bodies[at].Count;
            at++;
        }

        var body = bodies[at];
        body.Count++;
        if (body.Count > rowsPerBody + (rowsPerBody / 2))
        {
            var second = body.Count / 2;
            body.Count -= second;
            bodies.Insert(at + 1, New(second));
        }
    }

    /// <summary>The row at <paramref name="index"/> (0 to <see cref="Rows"/> − 1) was removed.</summary>
    public void Removed(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Rows);
        Rows--;
        var (at, start) = (0, 0);
        while (index >= start + bodies[at].Count)
        {
            start += bodies[at].Count;
            at++;
        }

        if (--bodies[at].Count == 0)
        {
            bodies.RemoveAt(at);
        }
    }

    // The key is boxed once here, not in every render.
    private Body New(int count) => new(nextKey++, count);

    /// <summary>One <c>&lt;tbody&gt;</c>: its <c>@key</c> and how many rows it holds.</summary>
    internal sealed class Body(object key, int count)
    {
        public object Key { get; } = key;

        public int Count { get; set; } = count;
    }
}
