namespace ComplaintPortal.Web.Features.Board;

/// <summary>Bound from the <c>Board</c> configuration section.</summary>
public sealed class BoardOptions
{
    public const string SectionName = "Board";

    /// <summary>How often each instance reads the ledger for changes made through other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a missing ledger id is waited for before it is taken for a rolled-back transaction.</summary>
    public TimeSpan GapPatience { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows on one page of the board (a pager under the table shows the rest). Each row shown costs every open
    /// board circuit its keyed frames and diff state, so the page is kept short (bench/README.md).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// Rows per <c>&lt;tbody&gt;</c> of a page. Blazor's keyed diff looks rows up in a table as large as the body they are in,
    /// and every circuit keeps that table for its next render: about 14 KB a circuit for one body of 200 rows, about 2.5 KB
    /// for bodies of 50 (bench/README.md). Bodies keep their rows as changes come and go and split past one and a half
    /// times this size (<see cref="BoardBodies"/>); a reload groups the rows afresh.
    /// </summary>
    public int RowsPerBody { get; set; } = 50;

    /// <summary>Rows on one page of the wall display (large type, no scrolling).</summary>
    public int WallPageSize { get; set; } = 16;

    /// <summary>How long the wall display shows a page before it turns to the next.</summary>
    public TimeSpan WallPageTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Totals of boards whose cases changed are recounted at most this often.</summary>
    public TimeSpan TotalsInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Every board's totals are recounted this often, since deadlines fall due as time passes.</summary>
    public TimeSpan TotalsRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Maps <c>/board/diagnostics</c> (administrators only): open circuits and boards, memory. For benchmarks.</summary>
    public bool Diagnostics { get; set; }

    /// <summary>
    /// With <see cref="Diagnostics"/> on, whether the probe also reads each thread's CPU clock around the feed's and every
    /// board's update (a system call each, on every board a change reaches). Off to measure the whole process's CPU without
    /// the probe's own clock in it (bench/README.md).
    /// </summary>
    public bool DiagnosticsThreadCpu { get; set; } = true;
}
