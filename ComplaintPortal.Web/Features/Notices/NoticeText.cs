using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// A notice in the reader's words. The stored text is invariant (<c>C-1: Completion due 2026-03-02T05:30Z (CS clerk)</c>);
/// for deadline notices it is read back into "辦結 · 到期 03-02 13:30 · 客服中心 clerk", one part per late deadline.
/// </summary>
public static partial class NoticeText
{
    public static string Title(NotificationKind kind) => Cases.CaseLabels.Notification(kind);

    /// <summary>
    /// Where the notice leads: its case's page; for an archive request, the approvals (one to decide), the archive desk (a loan
    /// overdue, to record its return) or the person's requests; for an improvement action, the actions' list showing those
    /// in the state it waits in (overdue, to verify, in progress); for checks given to a member, their queue of checks.
    /// </summary>
    public static string Href(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.CaseNumber is { } number ? Cases.CaseRoutes.Case(number) : notice.Kind switch
        {
            NotificationKind.ArchiveRequestToDecide => ApprovalsHref,
            NotificationKind.ArchiveLoanOverdue => DeskHref,
            NotificationKind.ImprovementOverdue => Reports.ImprovementActions.Href(Reports.ImprovementFilter.Overdue),
            NotificationKind.ImprovementReportedDone => Reports.ImprovementActions.Href(Reports.ImprovementFilter.Done),
            NotificationKind.ImprovementRaised or NotificationKind.ImprovementSentBack => Reports.ImprovementActions.Href(Reports.ImprovementFilter.Open),
            NotificationKind.ChecksAssigned => ChecksHref,
            _ => Archive.FileView.MyRequestsHref,
        };
    }

    private const string ApprovalsHref = "/archive/approvals";
    private const string DeskHref = "/archive/desk";
    private const string ChecksHref = "/supervision/checks";

    /// <summary>
    /// The notice's state: unread, read, or no longer waiting though never read (its case ended, its archive request decided,
    /// or the access whose files were overdue ended).
    /// </summary>
    public static string State(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.IsUnread ? DeadlineText.Notices_IsUnread
            : notice.IsRead ? DeadlineText.Notices_IsRead
            : notice.Kind == NotificationKind.ArchiveLoanOverdue ? DeadlineText.Notices_LoanEnded
            : notice.ImprovementActionId is not null ? DeadlineText.Notices_ImprovementMoved
            : notice.ArchiveRequestId is not null ? DeadlineText.Notices_RequestDecided
            : DeadlineText.Notices_CaseEnded;
    }

    /// <summary>
    /// What the notice is about, as people quote it: the case's number, the request's (<c>CY-000042</c>), the action's title
    /// or the sample's period (2026年2月).
    /// </summary>
    public static string Subject(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.SampleDrawId is not null)
        {
            return Domain.Supervision.CheckNotices.Read(notice.Text).Period is { } period ? Supervision.SupervisionLabels.Period(period) : "";
        }

        return notice.ImprovementActionId is not null ? ImprovementNotices.Read(notice.Text).Title : notice.CaseNumber ?? notice.RequestNumber ?? "";
    }

    /// <summary>Under the subject: the case's stage, "archive access request", "improvement action" or "spot-check sample".</summary>
    public static string SubjectKind(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.CaseStage is { } stage ? Cases.CaseLabels.Stage(stage)
            : notice.ImprovementActionId is not null ? DeadlineText.Notices_Improvement
            : notice.SampleDrawId is not null ? DeadlineText.Notices_Draw
            : DeadlineText.Notices_ArchiveRequest;
    }

    /// <summary>
    /// What is late or due soon and whose it is; until when archive access runs, or why it was refused or ended; who gave how
    /// many checks; empty for other notices.
    /// </summary>
    /// <param name="departmentName">Department name by code (<c>QA</c> → 質量部).</param>
    public static string Detail(NoticeView notice, OrganisationClock clock, Func<string, string> departmentName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(departmentName);
        if (notice.Kind.IsAboutArchive())
        {
            var (until, reason, by) = ArchiveNotices.Read(notice.Text);
            if (notice.Kind == NotificationKind.ArchiveRequestToDecide)
            {
                return string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ArchiveFiled, by, reason);
            }

            if (notice.Kind == NotificationKind.ArchiveLoanExpired && until is { } expired)
            {
                return string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ArchiveExpired, clock.FormatEnd(expired));
            }

            if (notice.Kind == NotificationKind.ArchiveLoanOverdue && until is { } due)
            {
                return string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ArchiveOverdue, by, clock.FormatEnd(due));
            }

            return until is { } end
                ? string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ArchiveUntil, clock.FormatEnd(end))
                : reason is { Length: > 0 } ? string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ArchiveReason, reason) : "";
        }

        if (notice.ImprovementActionId is not null)
        {
            return ImprovementDetail(notice);
        }

        if (notice.Kind == NotificationKind.ChecksAssigned)
        {
            var given = Domain.Supervision.CheckNotices.Read(notice.Text);
            return given.Count == 1
                ? string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ChecksGiven_One, given.By)
                : string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_ChecksGiven, given.By, given.Count);
        }

        if (notice.Kind is NotificationKind.TaskChased or NotificationKind.WorkNote)
        {
            // Who chased or noted, and their words (a note always has some).
            var (by, said) = Domain.Workflow.ChaseNotices.Read(notice.Text, notice.CaseNumber ?? "");
            return string.Format(CultureInfo.CurrentCulture, notice.Kind == NotificationKind.WorkNote ? DeadlineText.Notices_WorkNote
                : said.Length == 0 ? DeadlineText.Notices_ChasedBy : DeadlineText.Notices_Chased, by, said);
        }

        if (notice.Kind is not (NotificationKind.DeadlineDueSoon or NotificationKind.DeadlineOverdue))
        {
            return "";
        }

        var parts = new List<string>();
        foreach (Match m in DeadlinePart().Matches(notice.Text))
        {
            var kind = Enum.TryParse<DeadlineKind>(m.Groups["kind"].Value, out var k) && Enum.IsDefined(k)
                ? DeadlineText.ResourceManager.GetString("Kind_" + k, CultureInfo.CurrentUICulture) ?? ""
                : "";
            var due = DateTimeOffset.TryParseExact(m.Groups["due"].Value, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var instant) ? clock.Format(instant, "g") : "";
            var part = string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_DeadlinePart, kind, due);
            if (m.Groups["code"].Success)
            {
                var owner = m.Groups["owner"].Value == "no owner" ? DeadlineText.Notices_NoOwner : m.Groups["owner"].Value;
                part += string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_Whose, departmentName(m.Groups["code"].Value), owner);
            }

            parts.Add(part);
        }

        return string.Join(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "；" : "; ", parts);
    }

    // The date it is due by (raised; overdue), the reason it was sent back, or what the department reports done.
    private static string ImprovementDetail(NoticeView notice)
    {
        var detail = ImprovementNotices.Read(notice.Text).Detail;
        if (string.IsNullOrWhiteSpace(detail))
        {
            return "";
        }

        var format = notice.Kind switch
        {
            NotificationKind.ImprovementRaised => DeadlineText.Notices_ImprovementDue,
            NotificationKind.ImprovementOverdue => DeadlineText.Notices_ImprovementOverdue,
            NotificationKind.ImprovementSentBack => DeadlineText.Notices_ImprovementReason,
            _ => DeadlineText.Notices_ImprovementDone,
        };
        var value = notice.Kind is NotificationKind.ImprovementRaised or NotificationKind.ImprovementOverdue
            ? ImprovementNotices.ReadDate(detail)?.ToString("d", CultureInfo.CurrentCulture) ?? detail
            : detail;
        return string.Format(CultureInfo.CurrentCulture, format, value);
    }

    [GeneratedRegex(@"(?<kind>[A-Za-z]+)(?:#\d+)? due (?<due>\d{4}-\d\d-\d\dT\d\d:\d\dZ)(?: \((?<code>\S+) (?<owner>[^)]*)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex DeadlinePart();
}
