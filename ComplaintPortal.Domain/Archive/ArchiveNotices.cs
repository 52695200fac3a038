using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Archive;

/// <summary>What an archive notice's text says: until when access was granted, the reason or purpose given, and by whom (each may be absent).</summary>
public sealed record ArchiveNoticeText(DateTimeOffset? Until, string? Reason, string? By);

/// <summary>
/// The notices about an archive access request: to leadership when it is filed (to decide it), and to its requester on the
/// leader's decision and on the clerk ending the access (a revocation or a recorded return). Their text is invariant
/// (<c>CY-000042 filed by 质量部 李强: purpose</c>, <c>CY-000042 approved until 2026-12-20T09:00Z</c>, <c>CY-000042 rejected: reason</c>),
/// and to a reader whose days ran out (<c>CY-000042 expired until …</c>), with the archive clerks told the files are not back
/// (<c>CY-000042 overdue by 质量部 李强 until …</c>);
/// the notices page reads it back with <see cref="Read"/> into the reader's words.
/// </summary>
public static partial class ArchiveNotices
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    /// <summary>A new request for leadership to decide, naming who asks and why.</summary>
    public static Notification ToDecide(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Notification.AboutArchiveRequestToRole(PortalRoles.Leadership, request.Id, NotificationKind.ArchiveRequestToDecide,
            $"{request.Number} filed by {request.RequesterName.Replace(':', ' ')}: {request.Purpose}".Truncate(Notification.TextMaxLength), now);
    }

    public static Notification Approved(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Make(request, NotificationKind.ArchiveRequestApproved, $"{request.Number} approved until {GrantedEnd(request)}", null, now);
    }

    /// <summary>The days granted ran out: the reader is asked to confirm finishing (the regime's 查閱完畢……簽字確認).</summary>
    public static Notification Expired(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Make(request, NotificationKind.ArchiveLoanExpired, $"{request.Number} expired until {GrantedEnd(request)}", null, now);
    }

    /// <summary>
    /// To the archive clerks, beside <see cref="Expired"/>: the reader's days ran out and the files are not back (已到期未歸還).
    /// Unread while the request stays approved (the clerk records the return or revokes, or the reader confirms finishing).
    /// </summary>
    public static Notification Overdue(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Notification.AboutArchiveRequestToRole(PortalRoles.ArchiveClerk, request.Id, NotificationKind.ArchiveLoanOverdue,
            $"{request.Number} overdue by {request.RequesterName.Replace(':', ' ')} until {GrantedEnd(request)}".Truncate(Notification.TextMaxLength), now);
    }

    public static Notification Rejected(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Make(request, NotificationKind.ArchiveRequestRejected, $"{request.Number} rejected", request.DecisionReason, now);
    }

    /// <summary>The clerk ended the access: <paramref name="end"/> is <see cref="AccessRequestStatus.Revoked"/> or <see cref="AccessRequestStatus.Returned"/>.</summary>
    public static Notification Ended(ArchiveAccessRequest request, AccessRequestStatus end, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return end == AccessRequestStatus.Revoked
            ? Make(request, NotificationKind.ArchiveAccessRevoked, $"{request.Number} revoked", reason, now)
            : Make(request, NotificationKind.ArchiveReturnRecorded, $"{request.Number} returned", reason, now);
    }

    /// <summary>What a notice's text says.</summary>
    public static ArchiveNoticeText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Shape().Match(text);
        if (!m.Success)
        {
            return new(null, null, null);
        }

        DateTimeOffset? until = m.Groups["until"].Success && DateTimeOffset.TryParseExact(m.Groups["until"].Value, InstantFormat,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
        return new(until, m.Groups["reason"].Success ? m.Groups["reason"].Value : null, m.Groups["by"].Success ? m.Groups["by"].Value : null);
    }

    private static string GrantedEnd(ArchiveAccessRequest request) =>
        (request.GrantedUntil ?? request.RequestedUntil).ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static Notification Make(ArchiveAccessRequest request, NotificationKind kind, string head, string? reason, DateTimeOffset now) =>
        Notification.AboutArchiveRequest(request.RequesterUserId, request.Id, kind,
            (string.IsNullOrWhiteSpace(reason) ? head : $"{head}: {reason.Trim()}").Truncate(Notification.TextMaxLength), now);

    [GeneratedRegex(@"^CY-\d+ [a-z]+(?: by (?<by>[^:]*))?(?: until (?<until>\d{4}-\d\d-\d\dT\d\d:\d\dZ))?(?:: (?<reason>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Shape();
}
