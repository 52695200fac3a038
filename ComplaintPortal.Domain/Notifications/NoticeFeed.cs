using System.Threading.Channels;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>Whom a notice is addressed to: one person, or a role (optionally within one department).</summary>
public sealed record NoticeAddress(string? UserId, string? Role, int? DepartmentId)
{
    public static NoticeAddress Of(Notification notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.RecipientUserId is { } user ? new(user, null, null) : new(null, notice.RecipientRole, notice.RecipientDepartmentId);
    }

    public bool Reaches(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return UserId is not null
            ? UserId == user.UserId
            : Role is not null && user.IsInRole(Role) && (DepartmentId is null || DepartmentId == user.DepartmentId);
    }
}

/// <summary>
/// Something that changes someone's unread count: notices committed (to these addresses), notices read by a
/// person, or cases closed (their notices leave the unread lists). <paramref name="NoticeIds"/> names the notices
/// committed, when known, so that the relay of other instances' notices does not announce them a second time;
/// <paramref name="FromElsewhere"/> marks a change made through another instance and relayed here. <paramref name="QueuesLeft"/>
/// names the work queues the closed cases sat in just before (<see cref="CaseQueues"/>), when known: the counts of other
/// queues stay as they were. <paramref name="RequestsDecided"/>: archive requests left the leaders' decision, so their notices
/// to decide them leave the leaders' unread lists (the leadership role is among the addresses then). <paramref name="LoansEnded"/>:
/// overdue archive loans ended, so the archive clerks' notices of them leave their unread lists (the role is among the addresses).
/// <paramref name="ImprovementsMoved"/>: the departments of improvement actions that took a step, whose notices waiting on the
/// step before leave their holders' unread lists (<see cref="ImprovementsMoved.Addresses"/> are among the addresses).
/// </summary>
public sealed record NoticesChanged(IReadOnlyList<NoticeAddress> Addresses, IReadOnlyList<int> ClosedComplaintIds, IReadOnlyList<int>? NoticeIds = null,
    bool FromElsewhere = false, QueuesLeft? QueuesLeft = null, bool RequestsDecided = false, bool LoansEnded = false,
    IReadOnlyList<int>? ImprovementsMoved = null)
{
    /// <summary>Whether notices were committed to, or read by, <paramref name="user"/> (to an address that reaches them).</summary>
    public bool Reaches(ActingUser user) => Addresses.Any(a => a.Reaches(user));

    /// <summary>Whether a viewer's count may have changed; a closed case concerns whoever had notices on it, so it always asks for a recount.</summary>
    public bool Concerns(ActingUser user) => Concerns(user, null);

    /// <summary>
    /// Whether a count last tallied as <paramref name="counted"/> may have changed: notices to the person, or a case closed
    /// that one of the counted notices is about. Without a tally (none yet, or one under way) every closed case may.
    /// </summary>
    public bool Concerns(ActingUser user, UnreadTally? counted) =>
        Reaches(user) || (ClosedComplaintIds.Count > 0 && (counted is null || counted.Touches(ClosedComplaintIds)));
}

/// <summary>Whom an improvement action's step concerns: the heads of its department, leadership and the committee.</summary>
public static class ImprovementsMoved
{
    public static IEnumerable<NoticeAddress> Addresses(IEnumerable<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        return departmentIds.Select(d => new NoticeAddress(null, Organisation.PortalRoles.DepartmentHead, d))
            .Append(new NoticeAddress(null, Organisation.PortalRoles.Leadership, null))
            .Append(new NoticeAddress(null, Organisation.PortalRoles.Supervisor, null));
    }
}

/// <summary>
/// In-process feed of notice changes, one per host (register it as a singleton): the save interceptor
/// (<see cref="NoticeCommitSignal"/>) and <see cref="NoticeBook"/> publish, live components (the bell)
/// subscribe and re-count. Notices committed through other instances are published by the web host's relay,
/// which reads the new ones every few seconds.
/// </summary>
public interface INoticeFeed
{
    void Publish(NoticesChanged change);

    /// <summary>Calls <paramref name="listener"/> for every later change until the subscription is disposed.</summary>
    IDisposable Subscribe(Action<NoticesChanged> listener);

    /// <summary>The later changes as a stream, ending when <paramref name="cancellationToken"/> is cancelled.</summary>
    IAsyncEnumerable<NoticesChanged> WatchAsync(CancellationToken cancellationToken);
}

public sealed class NoticeFeed : INoticeFeed
{
    private readonly Lock gate = new();
    private ImmutableListeners listeners = new([]);

    public void Publish(NoticesChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var listener in listeners.Items)
        {
            listener(change);
        }
    }

    public IDisposable Subscribe(Action<NoticesChanged> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (gate)
        {
            listeners = new([.. listeners.Items, listener]);
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                listeners = new([.. listeners.Items.Where(l => l != listener)]);
            }
        });
    }

    public async IAsyncEnumerable<NoticesChanged> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded so a reader that stops reading cannot hold memory; a dropped change only delays a recount.
        var channel = Channel.CreateBounded<NoticesChanged>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = Subscribe(change => channel.Writer.TryWrite(change));
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var change))
            {
                yield return change;
            }
        }
    }

    // Copy-on-write, so publishing never holds the lock while listeners run.
    private sealed record ImmutableListeners(Action<NoticesChanged>[] Items);
}
