using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Keeps the statistics counts in step with every save that touches what they count: a complaint's receipt, stage, type,
/// channel, callback answers, reopening, caller or free-text fields, or a department task's department, findings, cause or
/// kind of solution. It works out each touched complaint's part before the change (as stored) and after it
/// (<see cref="StatisticsContribution"/>) and adds the difference as new <see cref="StatisticsCount"/> rows in the same
/// <c>SaveChanges</c>. A complaint's caller counts as a repeat when the same phone complained earlier, so a change of a
/// phone or a time of receipt also recounts the other complaints of that phone whose answer it changes. Each complaint's
/// answer is kept as counted (<see cref="StatisticsCallerAnswer"/>), and each phone counted is noted to be checked again
/// under the write lock (<see cref="StatisticsCallerCheck"/>), since a save of the same phone at the same moment is not
/// seen here. Nothing is kept before the counts are built (<see cref="StatisticsCounts.EnsureAsync"/>).
/// </summary>
public sealed class StatisticsCounter : SaveChangesInterceptor
{
    public static StatisticsCounter Instance { get; } = new();

    private static readonly string[] ComplaintFields =
    [
        nameof(Complaint.ReceivedAt), nameof(Complaint.Stage), nameof(Complaint.CategoryId), nameof(Complaint.Channel), nameof(Complaint.SatisfiedWithResult),
        nameof(Complaint.SatisfiedWithAttitude), nameof(Complaint.ReopenCount), nameof(Complaint.PhoneKey),
    ];

    private static readonly string[] TaskFields =
        [nameof(DepartmentTask.DepartmentId), nameof(DepartmentTask.Findings), nameof(DepartmentTask.CauseCategoryCode), nameof(DepartmentTask.SolutionTypeCode)];

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
        // Keys are read from the entries: a new row's temporary key lives there, not on the entity.
        var complaintEntries = tracker.AsDetected<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue);
        var taskEntries = tracker.AsDetected<DepartmentTask>();
        var changedComplaints = complaintEntries.Where(e => Changed(e.Value)).Select(e => e.Key).ToList();
        var touched = changedComplaints
            .Concat(taskEntries.Where(e => e.State is EntityState.Added or EntityState.Deleted
                    || (e.State == EntityState.Modified && TaskFields.Any(f => e.Property(f).IsModified)))
                .Select(e => e.Property(t => t.ComplaintId).CurrentValue))
            .ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        var state = await db.Set<StatisticsCountState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == StatisticsCountState.SingletonId, ct);
        if (state is null || !TimeZoneInfo.TryFindSystemTimeZoneById(state.ZoneId, out var zone))
        {
            return;
        }

        // The callers whose answers may change: every phone a changed complaint had or has now.
        var phoneMoved = changedComplaints.Select(id => complaintEntries[id])
            .Where(e => e.State is EntityState.Added or EntityState.Deleted || e.Property(c => c.PhoneKey).IsModified || e.Property(c => c.ReceivedAt).IsModified)
            .ToList();
        var phones = phoneMoved.SelectMany(e => new[] { e.State == EntityState.Added ? null : e.Property(c => c.PhoneKey).OriginalValue, e.Entity.PhoneKey })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // A call is a repeat when an earlier call of its phone came in: what matters of a phone is its first call, before the
        // change (as stored) and after it.
        var inSave = complaintEntries.Keys.Where(id => id > 0).ToList();
        var firstAfter = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var phone in phones)
        {
            var calls = db.Complaints.AsNoTracking().Where(c => c.PhoneKey == phone);
            var firstBefore = await FirstAsync(calls, ct);
            var firstAfterOthers = await FirstAsync(calls.Where(c => !inSave.Contains(c.Id)), ct);
            var firstAfterInSave = complaintEntries.Values
                .Where(e => e.State is not (EntityState.Deleted or EntityState.Detached) && string.Equals(e.Entity.PhoneKey, phone, StringComparison.Ordinal))
                .Select(e => (DateTimeOffset?)e.Entity.ReceivedAt).Min();
            if ((firstAfterOthers is null || firstAfterInSave < firstAfterOthers ? firstAfterInSave : firstAfterOthers) is not { } first)
            {
                continue;
            }

            firstAfter[phone] = first;
            // The calls outside this save whose answer the change turns (those between the first call before and the first
            // after) are recounted too, though nothing else of them changed.
            if (firstBefore is { } was && was != first)
            {
                var (from, to) = was < first ? (was, first) : (first, was);
                touched.UnionWith(await calls.Where(c => !inSave.Contains(c.Id) && c.ReceivedAt > from && c.ReceivedAt <= to).Select(c => c.Id).ToListAsync(ct));
            }
        }

        var stored = touched.Where(id => id > 0).ToList();
        var before = await ComplaintStatistics.Counted(db, db.Complaints.AsNoTracking().Where(c => stored.Contains(c.Id)))
            .ToDictionaryAsync(c => c.Id, ct);
        var tasksBefore = (await ComplaintStatistics.Counted(db.DepartmentTasks.AsNoTracking().Where(t => stored.Contains(t.ComplaintId))).ToListAsync(ct))
            .ToLookup(t => t.ComplaintId);
        var trackedTasks = taskEntries.Where(e => e.State != EntityState.Added).Select(e => e.Property(t => t.Id).CurrentValue).ToHashSet();

        var counts = new Dictionary<(int, int, StatisticsCountLine, string), StatisticsCount>();
        foreach (var id in touched)
        {
            var old = before.TryGetValue(id, out var was) ? was.Counted : null;
            if (old is not null)
            {
                StatisticsContribution.AddTo(counts, old, [.. tasksBefore[id].Select(t => t.Counted)], zone, -1);
            }

            complaintEntries.TryGetValue(id, out var entry);
            if (entry is { State: EntityState.Deleted or EntityState.Detached } || (entry is null && old is null))
            {
                continue;
            }

            // Its answer about repeat calls moves only with the calls of its phone; otherwise it stands as stored.
            var phone = entry is null ? was!.PhoneKey : entry.Entity.PhoneKey;
            var receivedAt = entry is null ? old!.ReceivedAt : entry.Entity.ReceivedAt;
            var repeat = phone is not null && (phones.Contains(phone, StringComparer.Ordinal) ? receivedAt > firstAfter[phone] : old?.Repeat == true);
            var now = entry is null ? old! with { Repeat = repeat } : Counted(entry.Entity, repeat);
            var tasksNow = tasksBefore[id].Where(t => !trackedTasks.Contains(t.Id)).Select(t => t.Counted)
                .Concat(taskEntries.Where(e => e.State is not (EntityState.Deleted or EntityState.Detached) && e.Property(t => t.ComplaintId).CurrentValue == id)
                    .Select(e => new CountedTask(e.Entity.DepartmentId, e.Entity.SolutionTypeCode, e.Entity.CauseCategoryCode, e.Entity.Findings != null)))
                .ToList();
            StatisticsContribution.AddTo(counts, now, tasksNow, zone, +1);
            Answer(db, id, repeat, was?.Answer);
        }

        db.Set<StatisticsCount>().AddRange(counts.Values.Where(c => !c.IsZero));
        // Checked again under the write lock: a save of the same phone at this moment has not been read.
        db.Set<StatisticsCallerCheck>().AddRange(phones.Select(phone => new StatisticsCallerCheck { PhoneKey = phone }));
    }

    /// <summary>
    /// Keeps the complaint's answer as counted (<paramref name="was"/>: its stored answer, if it has one). An answer is
    /// updated without reading it again, so two saves that count one complaint never fail on it.
    /// </summary>
    internal static void Answer(PortalDbContext db, int complaintId, bool repeat, bool? was)
    {
        if (was is null)
        {
            db.Set<StatisticsCallerAnswer>().Add(new StatisticsCallerAnswer { ComplaintId = complaintId, Repeat = repeat });
        }
        else if (was != repeat)
        {
            var answer = new StatisticsCallerAnswer { ComplaintId = complaintId, Repeat = repeat };
            db.Set<StatisticsCallerAnswer>().Attach(answer).Property(a => a.Repeat).IsModified = true;
        }
    }

    /// <summary>When the first of <paramref name="calls"/> came in, if any did.</summary>
    private static Task<DateTimeOffset?> FirstAsync(IQueryable<Complaint> calls, CancellationToken ct) =>
        calls.OrderBy(c => c.ReceivedAt).Select(c => (DateTimeOffset?)c.ReceivedAt).FirstOrDefaultAsync(ct);

    private static bool Changed(EntityEntry<Complaint> e) => e.State is EntityState.Added or EntityState.Deleted
        || (e.State == EntityState.Modified && (ComplaintFields.Any(f => e.Property(f).IsModified)
            || e.ComplexProperty(c => c.Subject).Property(s => s.ProductModel).IsModified
            || e.ComplexProperty(c => c.Subject).Property(s => s.Location).IsModified
            || e.ComplexProperty(c => c.Complainant).Property(p => p.CustomerGroup).IsModified));

    /// <summary>A complaint as it will be stored (its answer about repeat calls set by the caller).</summary>
    private static CountedCase Counted(Complaint c, bool repeat) => new(c.ReceivedAt, c.Stage, c.CategoryId, c.Channel, c.SatisfiedWithResult, c.SatisfiedWithAttitude,
        c.ReopenCount > 0, repeat, c.Subject.ProductModel, c.Complainant.CustomerGroup, c.Subject.Location);
}
