namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>
/// The title block above a report's table: the title, when it was generated (written in the organisation's
/// time zone) and label/value lines such as the period and the filters, all in the reader's language.
/// </summary>
/// <param name="Title">The report's title; also names the sheet.</param>
/// <param name="GeneratedAtLabel">E.g. "生成时间".</param>
/// <param name="GeneratedAt">The instant the figures were taken, from the injected TimeProvider.</param>
public sealed record ReportHeading(string Title, string GeneratedAtLabel, DateTimeOffset GeneratedAt)
{
    /// <summary>Period, filters and other context, one label/value pair a line.</summary>
    public IReadOnlyList<ReportLine> Lines { get; init; } = [];
}

/// <summary>One line of a title block, e.g. ("统计期间", "2026年11月") or ("部门", "质量部").</summary>
public sealed record ReportLine(string Label, string Value);
