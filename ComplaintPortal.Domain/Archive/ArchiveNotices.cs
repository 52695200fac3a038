using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// The notices an archive access request's requester gets: the leader's decision, and the clerk ending the access (a
/// revocation or a recorded return). Their text is invariant (<c>CY-000042 approved until 2026-12-20T09:00Z</c>,
/// <c>CY-000042 rejected: reason</c>); the notices page reads it back with <see cref="Read"/> into the reader's words.
/// </summary>
public static partial class ArchiveNotices
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    public static Notification Approved(ArchiveAccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var until = request.GrantedUntil ?? request.RequestedUntil;
        return Make(request, NotificationKind.ArchiveRequestApproved,
            $"{request.Number} approved until {until.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture)}", null, now);
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

    /// <summary>What a notice's text says: until when access was granted, and the reason given (either may be absent).</summary>
    public static (DateTimeOffset? Until, string? Reason) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Shape().Match(text);
        if (!m.Success)
        {
            return (null, null);
        }

        DateTimeOffset? until = m.Groups["until"].Success && DateTimeOffset.TryParseExact(m.Groups["until"].Value, InstantFormat,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
        return (until, m.Groups["reason"].Success ? m.Groups["reason"].Value : null);
    }

    private static Notification Make(ArchiveAccessRequest request, NotificationKind kind, string head, string? reason, DateTimeOffset now) =>
        Notification.AboutArchiveRequest(request.RequesterUserId, request.Id, kind,
            (string.IsNullOrWhiteSpace(reason) ? head : $"{head}: {reason.Trim()}").Truncate(Notification.TextMaxLength), now);

    [GeneratedRegex(@"^CY-\d+ [a-z]+(?: until (?<until>\d{4}-\d\d-\d\dT\d\d:\d\dZ))?(?:: (?<reason>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Shape();
}
