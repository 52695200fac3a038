namespace ComplaintPortal.Web.Features.Board;

/// <summary>Bound from the <c>Board</c> configuration section.</summary>
public sealed class BoardOptions
{
    public const string SectionName = "Board";

    /// <summary>How often each instance reads the ledger for changes made through other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a missing ledger id is waited for before it is taken for a rolled-back transaction.</summary>
    public TimeSpan GapPatience { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows on one board; the rest are reached with filters.</summary>
    public int MaxRows { get; set; } = 300;
}
