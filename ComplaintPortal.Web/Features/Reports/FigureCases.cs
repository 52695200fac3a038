using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>One case behind a figure, with what it missed (or which deadline it is, for the per-deadline figures).</summary>
public sealed record FigureCase(string CaseNumber, CaseStage? Stage, IReadOnlyList<DeadlineKind> Kinds, DateTimeOffset? DueAt, DateTimeOffset? MetAt);

/// <summary>The cases behind one figure of the timeliness page; as many rows as the figure counts.</summary>
public sealed record FigureCases(string Title, IReadOnlyList<FigureCase> Cases)
{
    public static FigureCases Of(string title, IReadOnlyList<ComplaintVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return new(Heading(title, verdicts.Count),
            [.. verdicts.Select(v => new FigureCase(v.CaseNumber, v.Stage, [.. v.Missed.Select(m => m.Kind)], v.Missed.FirstOrDefault()?.DueAt, null))]);
    }

    /// <summary>Deadlines behind a per-deadline figure: one row per deadline (a case may appear once per deadline it had).</summary>
    public static FigureCases Of(string title, IReadOnlyList<DeadlineFact> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return new(Heading(title, deadlines.Count),
            [.. deadlines.OrderBy(d => d.DueAt).Select(d => new FigureCase(d.CaseNumber, null, [d.Kind], d.DueAt, d.MetAt))]);
    }

    private static string Heading(string title, int count) =>
        string.Format(CultureInfo.CurrentCulture, DeadlineText.Timeliness_CasesBehind, title, count);
}
