using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Keeps the timeliness counts in step with every save that touches a complaint's stage, receipt, pause or end,
/// or any of its deadlines (met, moved, re-targeted, added): it works out each touched complaint's part in the
/// counts before and after the change (<see cref="TimelinessContribution"/>) and adds the difference as new
/// <see cref="TimelinessCount"/> rows, and brings its <see cref="TimelinessWatch"/> rows up to date, in the same
/// <c>SaveChanges</c>. Appending rather than updating a shared row means concurrent writers never contend for a
/// count. Nothing is kept before the counts are built (<see cref="TimelinessCounts.EnsureAsync"/>).
/// </summary>
public sealed class TimelinessCounter : SaveChangesInterceptor
{
    public static TimelinessCounter Instance { get; } = new();

    private static readonly string[] ComplaintFields =
        [nameof(Complaint.Stage), nameof(Complaint.ClosedAt), nameof(Complaint.PausedAt), nameof(Complaint.ReceivedAt)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PortalDbContext db)
        {
            CountAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PortalDbContext db)
        {
            await CountAsync(db, cancellationToken);
        }

        return result;
    }

    private static async Task CountAsync(PortalDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var deadlineEntries = tracker.AsDetected<CaseDeadline>();
        // Keys are read from the entries: a new row's temporary key lives there, not on the entity.
        var complaintEntries = tracker.AsDetected<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue);
        var touched = deadlineEntries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(ComplaintOf)
            .Concat(complaintEntries.Where(e => e.Value.State is EntityState.Added
                || (e.Value.State == EntityState.Modified && ComplaintFields.Any(f => e.Value.Property(f).IsModified))).Select(e => e.Key))
            .ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        var state = await db.Set<TimelinessCountState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == TimelinessCountState.SingletonId, ct);
        if (state is null || !TimeZoneInfo.TryFindSystemTimeZoneById(state.ZoneId, out var zone))
        {
            return;
        }

        var stored = touched.Where(id => id > 0).ToList();
        var storedComplaints = await db.Complaints.AsNoTracking().Where(c => stored.Contains(c.Id))
            .Select(c => new { c.Id, Counted = new CountedComplaint(c.ReceivedAt, c.Stage, c.ClosedAt, c.PausedAt) })
            .ToDictionaryAsync(c => c.Id, c => c.Counted, ct);
        var storedDeadlines = await db.CaseDeadlines.AsNoTracking().Where(d => stored.Contains(d.ComplaintId))
            .Select(d => new StoredDeadline(d.Id, d.ComplaintId, d.DepartmentTaskId, d.Kind, d.CalendarCode, d.StartedAt, d.DueAt, d.MetAt, d.PausedWorkingTime))
            .ToListAsync(ct);
        var taskDepartments = await db.DepartmentTasks.AsNoTracking().Where(t => stored.Contains(t.ComplaintId))
            .ToDictionaryAsync(t => t.Id, t => t.DepartmentId, ct);
        foreach (var task in tracker.AsDetected<DepartmentTask>())
        {
            taskDepartments[task.Property(t => t.Id).CurrentValue] = task.Entity.DepartmentId;
        }

        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(ct);
        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
        var counts = new Dictionary<(int, int, DeadlineKind?), TimelinessCount>();
        var watchesAfter = new Dictionary<int, List<(int DepartmentId, int Month, DateTimeOffset LateFrom)>>();
        foreach (var id in touched)
        {
            complaintEntries.TryGetValue(id, out var complaintEntry);
            var before = complaintEntry is { State: EntityState.Added } ? null
                : complaintEntry is not null ? Original(complaintEntry) : storedComplaints.GetValueOrDefault(id);
            var after = complaintEntry is null ? before
                : complaintEntry.State == EntityState.Deleted ? null
                : new CountedComplaint(complaintEntry.Entity.ReceivedAt, complaintEntry.Entity.Stage, complaintEntry.Entity.ClosedAt, complaintEntry.Entity.PausedAt);
            var trackedHere = deadlineEntries.Where(e => ComplaintOf(e) == id).ToList();
            var trackedIds = trackedHere.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
            // The deadlines the save does not touch count the same before and after: work them out once.
            var untouched = new List<CountedDeadline>();
            foreach (var d in storedDeadlines.Where(d => d.ComplaintId == id && !trackedIds.Contains(d.Id)))
            {
                untouched.Add(await CountedAsync(d, db, calendars, taskDepartments, customerService, ct));
            }

            if (before is not null)
            {
                var old = new List<CountedDeadline>(untouched);
                foreach (var e in trackedHere.Where(e => e.State != EntityState.Added))
                {
                    old.Add(await CountedAsync(StoredOf(e, original: true), db, calendars, taskDepartments, customerService, ct));
                }

                TimelinessContribution.AddTo(counts, before, old, zone, -1);
            }

            if (after is not null)
            {
                var now = new List<CountedDeadline>(untouched);
                foreach (var e in trackedHere.Where(e => e.State != EntityState.Deleted))
                {
                    now.Add(await CountedAsync(StoredOf(e, original: false), db, calendars, taskDepartments, customerService, ct));
                }

                watchesAfter[id] = TimelinessContribution.AddTo(counts, after, now, zone, +1);
            }
        }

        db.Set<TimelinessCount>().AddRange(counts.Values.Where(c => !c.IsZero));
        await WatchAsync(db, watchesAfter, complaintEntries, ct);
    }

    /// <summary>Brings the touched complaints' watch rows to what they are after the change.</summary>
    private static async Task WatchAsync(PortalDbContext db, Dictionary<int, List<(int DepartmentId, int Month, DateTimeOffset LateFrom)>> after,
        Dictionary<int, EntityEntry<Complaint>> complaints, CancellationToken ct)
    {
        var ids = after.Keys.Where(id => id > 0).ToList();
        var existing = (await db.Set<TimelinessWatch>().Where(w => ids.Contains(w.ComplaintId)).ToListAsync(ct))
            .ToDictionary(w => (w.ComplaintId, w.DepartmentId));
        foreach (var (id, rows) in after)
        {
            foreach (var (department, month, lateFrom) in rows)
            {
                if (existing.Remove((id, department), out var watch))
                {
                    (watch.Month, watch.LateFrom) = (month, lateFrom);
                }
                else if (complaints.TryGetValue(id, out var entry))
                {
                    db.Set<TimelinessWatch>().Add(new TimelinessWatch { Complaint = entry.Entity, DepartmentId = department, Month = month, LateFrom = lateFrom });
                }
                else
                {
                    db.Set<TimelinessWatch>().Add(new TimelinessWatch { ComplaintId = id, DepartmentId = department, Month = month, LateFrom = lateFrom });
                }
            }
        }

        db.Set<TimelinessWatch>().RemoveRange(existing.Values);
    }

    private static int ComplaintOf(EntityEntry<CaseDeadline> e) => e.Property(d => d.ComplaintId).CurrentValue;

    private static CountedComplaint Original(EntityEntry<Complaint> e) => new(
        e.Property(c => c.ReceivedAt).OriginalValue, e.Property(c => c.Stage).OriginalValue,
        e.Property(c => c.ClosedAt).OriginalValue, e.Property(c => c.PausedAt).OriginalValue);

    private static StoredDeadline StoredOf(EntityEntry<CaseDeadline> e, bool original)
    {
        T Value<T>(string name) => original ? e.Property<T>(name).OriginalValue : e.Property<T>(name).CurrentValue;
        return new(e.Entity.Id, ComplaintOf(e), Value<int?>(nameof(CaseDeadline.DepartmentTaskId)), Value<DeadlineKind>(nameof(CaseDeadline.Kind)),
            Value<string>(nameof(CaseDeadline.CalendarCode)), Value<DateTimeOffset>(nameof(CaseDeadline.StartedAt)), Value<DateTimeOffset>(nameof(CaseDeadline.DueAt)),
            Value<DateTimeOffset?>(nameof(CaseDeadline.MetAt)), Value<TimeSpan>(nameof(CaseDeadline.PausedWorkingTime)));
    }

    private static async Task<CountedDeadline> CountedAsync(StoredDeadline d, PortalDbContext db, Dictionary<string, WorkingCalendar> calendars,
        Dictionary<int, int> taskDepartments, int customerService, CancellationToken ct)
    {
        TimeSpan? used = null;
        if (d.MetAt is { } met)
        {
            if (!calendars.TryGetValue(d.CalendarCode, out var calendar))
            {
                calendar = await WorkingCalendarCache.Shared.GetAsync(db, d.CalendarCode, ct);
                calendars[d.CalendarCode] = calendar;
            }

            used = DeadlineClock.WorkingTimeUsed(calendar, d.StartedAt, met, d.PausedWorkingTime);
        }

        var department = d.TaskId is { } task ? taskDepartments.GetValueOrDefault(task, customerService) : customerService;
        return new CountedDeadline(department, d.Kind, d.DueAt, d.MetAt, used);
    }

    internal sealed record StoredDeadline(int Id, int ComplaintId, int? TaskId, DeadlineKind Kind, string CalendarCode, DateTimeOffset StartedAt,
        DateTimeOffset DueAt, DateTimeOffset? MetAt, TimeSpan PausedWorkingTime);
}
