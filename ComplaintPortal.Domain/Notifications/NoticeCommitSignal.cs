using System.Data.Common;
using System.Runtime.CompilerServices;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// Publishes to the <see cref="INoticeFeed"/> once a save that added notices, or closed cases, has committed,
/// so every writer (workflow, deadline monitor) feeds the bell without knowing of it: at once after a save of its own, or
/// when the explicit transaction around the save commits (a bell counting again before that would not see the notice
/// yet); nothing when it rolls back. Add it to the contexts of a host: <c>options.AddInterceptors(new NoticeCommitSignal(feed))</c>.
/// </summary>
public sealed class NoticeCommitSignal(INoticeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, PendingNotices> Pending = [];

    /// <summary>Changes saved inside a transaction still open: published when it commits, dropped when it rolls back.</summary>
    private static readonly ConditionalWeakTable<DbContext, List<NoticesChanged>> Uncommitted = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Detected once already (SaveDetection, the first of PortalDatabase's interceptors, which come before a host's).
        var tracker = context.ChangeTracker;
        var added = tracker.AsDetected<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var addresses = added.Select(NoticeAddress.Of).Distinct().ToList();
        // An archive request decided: leadership's notices to decide it leave their unread lists, so every leader re-counts.
        var decided = tracker.AsDetected<ArchiveAccessRequest>().Any(e => e.State == EntityState.Modified
            && e.Property(r => r.Status).IsModified && e.Property(r => r.Status).OriginalValue == AccessRequestStatus.Pending);
        if (decided)
        {
            addresses = [.. addresses.Append(new NoticeAddress(null, PortalRoles.Leadership, null)).Distinct()];
        }

        var closing = tracker.AsDetected<Complaint>()
            .Where(e => e.State == EntityState.Modified && e.Property(c => c.Stage).IsModified && e.Entity.Stage.IsFinal())
            .ToList();
        // An improvement action took a step: the notices waiting on the step before leave their unread lists (the head's when it is
        // reported done; leadership's and the committee's when it is verified or sent back), so their holders re-count.
        int[] moved = [.. tracker.AsDetected<ImprovementAction>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.Status).IsModified)
            .Select(e => e.Entity.DepartmentId).Distinct().Order()];
        if (moved.Length > 0)
        {
            addresses = [.. addresses.Concat(ImprovementsMoved.Addresses(moved)).Distinct()];
        }

        if (addresses.Count > 0 || closing.Count > 0)
        {
            // The queues all the closing cases left; not known once one case's are not.
            QueuesLeft? left = QueuesLeft.None;
            foreach (var entry in closing)
            {
                left = QueuesLeftBy(entry) is { } one ? left.With(one) : null;
                if (left is null)
                {
                    break;
                }
            }

            Pending.AddOrUpdate(context, new PendingNotices(
                new NoticesChanged(addresses, [.. closing.Select(e => e.Entity.Id)], QueuesLeft: left, RequestsDecided: decided,
                    ImprovementsMoved: moved.Length > 0 ? moved : null), added));
        }
    }

    /// <summary>
    /// The queues a closing case sat in, by its values before this save; none known when it was in the departments and its
    /// tasks were not loaded (the workflow always loads them).
    /// </summary>
    private static QueuesLeft? QueuesLeftBy(EntityEntry<Complaint> entry)
    {
        var stage = entry.Property(c => c.Stage).OriginalValue;
        var escalated = entry.Property(c => c.IsEscalated).OriginalValue;
        var tasks = entry.Collection(c => c.Tasks);
        if (CaseQueues.DepartmentStages.Contains(stage) && !tasks.IsLoaded)
        {
            return null;
        }

        return CaseQueues.Of(stage, escalated, entry.Entity.Tasks.Select(t =>
        {
            var task = entry.Context.Entry(t);
            return (t.DepartmentId, task.State == EntityState.Added ? t.Status : task.Property(x => x.Status).OriginalValue);
        }));
    }

    private void Publish(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var pending))
        {
            Pending.Remove(context);
            // Saved: the notices have their ids now.
            var change = pending.Change with { NoticeIds = [.. pending.Added.Select(n => n.Id)] };
            if (context.Database.CurrentTransaction is null)
            {
                feed.Publish(change);
            }
            else
            {
                // Not visible to the pages that would count again until the transaction commits (nor ever, if it rolls back).
                Uncommitted.GetOrCreateValue(context).Add(change);
            }
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishCommitted(eventData.Context);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUncommitted(eventData.Context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUncommitted(eventData.Context);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    private void PublishCommitted(DbContext? context)
    {
        if (context is not null && Uncommitted.TryGetValue(context, out var changes))
        {
            Uncommitted.Remove(context);
            foreach (var change in changes)
            {
                feed.Publish(change);
            }
        }
    }

    private static void DropUncommitted(DbContext? context)
    {
        if (context is not null)
        {
            Uncommitted.Remove(context);
        }
    }

    private sealed record PendingNotices(NoticesChanged Change, List<Notification> Added);

    private static void Discard(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}
