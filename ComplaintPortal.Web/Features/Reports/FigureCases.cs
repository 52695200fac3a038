using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Resources;
using ComplaintPortal.Web.Features.Localization;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>One case behind a figure, with what it missed (or which deadline it is, for the per-deadline figures).</summary>
public sealed record FigureCase(string CaseNumber, CaseStage? Stage, IReadOnlyList<DeadlineKind> Kinds, DateTimeOffset? DueAt, DateTimeOffset? MetAt)
{
    public static FigureCase Of(FigureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.CaseNumber, row.Stage, row.Kinds, row.DueAt, row.MetAt);
    }
}

/// <summary>The figure that was clicked: which cases to list (read a page at a time) and how many there are.</summary>
/// <param name="DepartmentId">The department row clicked, or the report's department; null for the whole organisation.</param>
public sealed record FigureSelection(string Title, TimelinessFigure Figure, int? DepartmentId, int Count)
{
    public string Heading => HeadingOf(Title, Count);

    /// <summary>A list of the cases behind a figure, as its dialog is headed: "全部投诉：12 件".</summary>
    public static string HeadingOf(string title, int count) =>
        string.Format(CultureInfo.CurrentCulture, Counted.Pick(count, DeadlineText.Timeliness_CasesBehind_One, DeadlineText.Timeliness_CasesBehind), title,
            count.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>Complaints (with their stage), rather than single deadlines.</summary>
    public bool PerComplaint => Figure is TimelinessFigure.Complaints or TimelinessFigure.OnTime or TimelinessFigure.Late
        or TimelinessFigure.OpenWithinLimits or TimelinessFigure.Resolved;
}
