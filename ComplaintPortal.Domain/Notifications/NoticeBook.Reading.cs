using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>Marking notices read: one, those about a case the reader opened, the checks given them, or all.</summary>
public sealed partial class NoticeBook
{
    /// <summary>Marks one notice read; false when it is not addressed to the reader.</summary>
    public async Task<bool> MarkReadAsync(ActingUser reader, int notificationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!await AddressedTo(reader).AnyAsync(n => n.Id == notificationId, cancellationToken))
        {
            return false;
        }

        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == notificationId && r.UserId == reader.UserId, cancellationToken))
        {
            await SaveReadsAsync(reader, [notificationId], now, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Marks read the reader's unread notices about one case: they opened it, so they have seen what the notices point to (as
    /// a notice opened from the bell or the list would otherwise stay unread until marked by hand). Returns how many.
    /// Found along the notices' case index: a case has a handful of notices, whatever the reader's history.
    /// </summary>
    public Task<int> MarkCaseReadAsync(ActingUser reader, int complaintId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        MarkReadAsync(Unread(reader).Where(n => n.ComplaintId == complaintId), reader, now, cancellationToken);

    /// <summary>
    /// Marks read the reader's unread notices of checks given to them (about sample draws): they opened their queue of checks,
    /// where those notices lead. Returns how many. Found along the reader's own notices: such notices go to a person by name.
    /// </summary>
    public Task<int> MarkChecksGivenReadAsync(ActingUser reader, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        MarkReadAsync(WithoutRead(ToPerson(reader), reader).Where(n => n.SampleDrawId != null), reader, now, cancellationToken);

    /// <summary>
    /// Marks read the reader's unread notices of checks of one draw given to them: they opened one of those checks (from the
    /// draw's page, a link), so they have seen what the notices point to. Returns how many.
    /// </summary>
    public Task<int> MarkChecksGivenReadAsync(ActingUser reader, int drawId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        MarkReadAsync(WithoutRead(ToPerson(reader), reader).Where(n => n.SampleDrawId == drawId), reader, now, cancellationToken);

    /// <summary>Marks every unread notice of the reader read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(ActingUser reader, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        MarkReadAsync(Unread(reader), reader, now, cancellationToken);

    /// <summary>Marks <paramref name="unread"/> (the reader's notices not yet read) read; returns how many.</summary>
    private async Task<int> MarkReadAsync(IQueryable<Notification> unread, ActingUser reader, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await unread.Select(n => n.Id).ToListAsync(ct);
        if (ids.Count > 0)
        {
            await SaveReadsAsync(reader, ids, now, ct);
        }

        return ids.Count;
    }

    private async Task SaveReadsAsync(ActingUser reader, IReadOnlyList<int> ids, DateTimeOffset now, CancellationToken ct)
    {
        db.NotificationReads.AddRange(ids.Select(id => new NotificationRead(id, reader.UserId, now)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // The same person marked it read from another page at the same moment: it is read either way.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        feed?.Publish(new NoticesChanged([new NoticeAddress(reader.UserId, null, null)], []));
    }
}
