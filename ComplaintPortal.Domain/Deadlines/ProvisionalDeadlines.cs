using System.Globalization;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// Deadlines counted into a year whose days off the calendar did not know yet are marked provisional;
/// once the year is known (holidays imported, or a year without make-up days confirmed) each is computed
/// again from its stored rule, start and paused time, with a ledger line on its case, and loses the mark
/// unless it still reaches an unknown year.
/// </summary>
public sealed class ProvisionalDeadlines(PortalDbContext db, WorkingCalendarCache calendars)
{
    public const string ActorId = "system:calendar";

    /// <summary>Cases re-computed in one save (each save costs about as much as the cases' own work).</summary>
    public const int CasesPerSave = 50;

    /// <summary>
    /// Re-computes the provisional deadlines of every calendar saved since its last re-computation, and marks each
    /// calendar done with the stamp it was read at: a calendar saved again meanwhile stays pending for the next pass.
    /// Returns how many calendars were re-computed.
    /// </summary>
    public async Task<int> RecomputePendingAsync(DateTimeOffset now, IProgress<ProvisionalProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var pending = await db.WorkingCalendars.AsNoTracking()
            .Where(WorkingCalendarRecord.AwaitingRecomputation)
            .OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.Stamp, c.ChangedBy })
            .ToListAsync(cancellationToken);
        foreach (var calendar in pending)
        {
            var result = await RecomputeAsync(calendar.Code, calendar.ChangedBy, now, progress, cancellationToken);
            var stamp = calendar.Stamp;
            await db.WorkingCalendars.Where(c => c.Code == calendar.Code)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RecomputedStamp, stamp), cancellationToken);
            progress?.Report(new(calendar.Code, result.Cases, result.Cases, Finished: true));
        }

        return pending.Count;
    }

    /// <summary>Re-computes every provisional deadline on the calendar; returns how many were re-computed.</summary>
    /// <remarks>
    /// <see cref="CasesPerSave"/> cases a save. When someone acted on one of them at the same moment, that batch is done
    /// again case by case: the case acted on loses nothing, its deadlines simply stay provisional until the next run
    /// (any later save of the calendar runs this again).
    /// </remarks>
    private async Task<ProvisionalRecomputation> RecomputeAsync(string calendarCode, string changedBy, DateTimeOffset now,
        IProgress<ProvisionalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(db, calendarCode, cancellationToken);
        // A parameter, so that the (calendar, provisional) index is sought on both (WorkingCalendarBook.YearsLackingHolidaysAsync).
        var provisionalOnly = true;
        var cases = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CalendarCode == calendarCode && d.IsProvisional == provisionalOnly)
            .Select(d => d.ComplaintId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);
        var dueSoon = await db.SlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DueSoonPercent, cancellationToken);
        int recomputed = 0;
        int left = 0;
        var doneCases = 0;
        progress?.Report(new(calendarCode, 0, cases.Count));
        foreach (var batch in cases.Chunk(CasesPerSave))
        {
            var (done, skipped) = await RecomputeCasesAsync(calendar, batch, dueSoon, changedBy, now, cancellationToken);
            if (done < 0)
            {
                // Someone acted on one of these cases meanwhile: case by case, so that only that case waits for the next run.
                (done, skipped) = (0, 0);
                foreach (var complaintId in batch)
                {
                    var (one, lost) = await RecomputeCasesAsync(calendar, [complaintId], dueSoon, changedBy, now, cancellationToken);
                    done += Math.Max(one, 0);
                    skipped += lost;
                }
            }

            recomputed += done;
            left += skipped;
            doneCases += batch.Length;
            progress?.Report(new(calendarCode, doneCases, cases.Count));
        }

        return new(recomputed, left, cases.Count);
    }

    /// <summary>
    /// Re-computes the cases' provisional deadlines in one save. Returns how many were re-computed; on a lost race, -1 for
    /// a batch (nothing saved) and for a single case 0 with its deadlines counted as left.
    /// </summary>
    private async Task<(int Done, int Skipped)> RecomputeCasesAsync(WorkingCalendar calendar, IReadOnlyCollection<int> complaintIds,
        Dictionary<int, int> dueSoon, string changedBy, DateTimeOffset now, CancellationToken ct)
    {
        // Compared with a parameter, as above: the (calendar, provisional) index, then the cases.
        var provisionalOnly = true;
        var deadlines = await db.CaseDeadlines.Include(d => d.Task)
            .Where(d => complaintIds.Contains(d.ComplaintId) && d.CalendarCode == calendar.Code && d.IsProvisional == provisionalOnly)
            .OrderBy(d => d.ComplaintId).ThenBy(d => d.Id)
            .ToListAsync(ct);
        var complaints = await db.Complaints.Where(c => complaintIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var ofCase in deadlines.GroupBy(d => d.ComplaintId))
        {
            var complaint = complaints[ofCase.Key];
            var chain = LedgerChain.Open(db, complaint);
            var stage = complaint.Stage.ToString();
            foreach (var deadline in ofCase)
            {
                if (deadline.Target is not { } target)
                {
                    continue;
                }

                var before = deadline.DueAt;
                var due = DeadlineClock.DeadlineFor(calendar, target, deadline.StartedAt, deadline.PausedWorkingTime);
                deadline.Schedule(calendar, due, target, dueSoon.GetValueOrDefault(deadline.PolicyId, 20));
                if (deadline.Task is { } task)
                {
                    task.Deadline = due;
                }

                var subject = deadline.Task is { } t ? $"{deadline.Kind}#{t.DepartmentId.ToString(CultureInfo.InvariantCulture)}" : deadline.Kind.ToString();
                chain.Append(now, ActorId, changedBy, deadline.Task?.DepartmentId, CaseDeadlines.LedgerAction, stage, stage,
                    $"calendar {calendar.Code} re-computed: {subject} ({target.ToShortString()}) {Format(before)} -> {Format(due)}"
                    + (deadline.IsProvisional ? " (still provisional)" : ""));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return (deadlines.Count, 0);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            return complaintIds.Count > 1 ? (-1, 0) : (0, deadlines.Count);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// How far a calendar's re-computation is: <paramref name="Done"/> of <paramref name="Cases"/> cases, and whether the calendar
/// is marked done (<see cref="ProvisionalDeadlines.RecomputePendingAsync"/>).
/// </summary>
public sealed record ProvisionalProgress(string CalendarCode, int Done, int Cases, bool Finished = false);

/// <summary>
/// How many provisional deadlines were re-computed, how many were left for the next run (a lost race), and on how many cases.
/// </summary>
public sealed record ProvisionalRecomputation(int Recomputed, int Left, int Cases);
