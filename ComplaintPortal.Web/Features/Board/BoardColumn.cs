using System.Globalization;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>The board's columns, in order: the page shows exactly these and the Excel export writes exactly these.</summary>
public enum BoardColumn
{
    Number,
    Category,
    Priority,
    Stage,
    Departments,
    StageSince,
    Deadline,
    State,
}

public static class BoardColumns
{
    public static IReadOnlyList<BoardColumn> All { get; } = Enum.GetValues<BoardColumn>();

    public static string Header(BoardColumn column) => column switch
    {
        BoardColumn.Number => BoardText.Board_Column_Number,
        BoardColumn.Category => BoardText.Board_Column_Category,
        BoardColumn.Priority => BoardText.Board_Column_Priority,
        BoardColumn.Stage => BoardText.Board_Column_Stage,
        BoardColumn.Departments => BoardText.Board_Column_Departments,
        BoardColumn.StageSince => BoardText.Board_Column_StageSince,
        BoardColumn.Deadline => BoardText.Board_Column_Deadline,
        BoardColumn.State => BoardText.Board_Column_State,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The case's category name, or null while it has none (a case not yet assessed).</summary>
    public static string? CategoryName(BoardRow row, BoardLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(lookups);
        return lookups.Category(row.CategoryId) is { Length: > 0 } name ? name : null;
    }

    /// <summary>A cell as plain text (the export); the page renders the same value with its countdown and icon.</summary>
    public static string Text(BoardColumn column, BoardRow row, BoardLookups lookups, DateTimeOffset now, OrganisationClock? clock)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(lookups);
        return column switch
        {
            BoardColumn.Number => row.CaseNumber,
            BoardColumn.Category => CategoryName(row, lookups) ?? BoardText.Board_Uncategorised,
            BoardColumn.Priority => CaseLabels.Priority(row.Priority),
            BoardColumn.Stage => CaseLabels.Stage(row.Stage),
            BoardColumn.Departments => string.Join("; ", Departments(row, lookups)),
            BoardColumn.StageSince => Local(row.StageEnteredAt, clock, "yyyy-MM-dd HH:mm"),
            BoardColumn.Deadline => row.NextDeadline is { } due ? Local(due, clock, "yyyy-MM-dd HH:mm") : "",
            BoardColumn.State => StateName(row, now),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    public static IEnumerable<string> Departments(BoardRow row, BoardLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(lookups);
        return row.Tasks.Select(t => DepartmentAndOwner(lookups.Department(t.DepartmentId), t.OwnerName));
    }

    /// <summary>
    /// 质量部 · 李强; a display name that already begins with the department's name (质量部 李强, as many organisations
    /// name accounts) is not prefixed with it a second time.
    /// </summary>
    public static string DepartmentAndOwner(string department, string? owner) =>
        owner is null ? department
        : owner.StartsWith(department, StringComparison.Ordinal) ? owner
        : department + " · " + owner;

    /// <summary>The timeliness word: paused while waiting for the customer, else the deadline state at <paramref name="now"/>.</summary>
    public static string StateName(BoardRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Paused ? BoardText.Board_State_Paused : StateName(row.DeadlineStateAt(now));
    }

    public static string StateName(DeadlineState state) => state switch
    {
        DeadlineState.None => BoardText.Board_NoDeadline,
        DeadlineState.OnTrack => BoardText.Board_State_OnTrack,
        DeadlineState.DueSoon => BoardText.Board_State_DueSoon,
        DeadlineState.Overdue => BoardText.Board_State_Overdue,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static string Local(DateTimeOffset instant, OrganisationClock? clock, string format) =>
        (clock?.ToLocal(instant) ?? instant).ToString(format, CultureInfo.InvariantCulture);
}
