using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>A member of the committee whom checks can be given to.</summary>
public sealed record CommitteeMember(string UserId, string Name);

/// <summary>
/// One line of a draw's history from the supervision log: made, <paramref name="Count"/> checks given to a member
/// (<paramref name="Checker"/>; <paramref name="Orders"/>, their draw orders, when the log holds them all), or discarded
/// (with its reason).
/// </summary>
public sealed record DrawHistoryEntry(SupervisionAction Action, DateTimeOffset At, string ActorName, string? Checker = null, int Count = 0,
    IReadOnlyList<int>? Orders = null, string? Reason = null);

public sealed partial class SampleDrawing
{
    /// <summary>The keys of the supervision log's details that <see cref="HistoryAsync"/> reads back.</summary>
    private const string CheckerKey = "checker=", CountKey = "count=", OrdersKey = "orders=", ReasonKey = "reason=";

    /// <summary>The committee's members with an active account (in the Supervisor role, not locked), by name.</summary>
    public async Task<IReadOnlyList<CommitteeMember>> MembersAsync(ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return [];
        }

        return await ActiveMembers().OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new CommitteeMember(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    /// <summary>The accounts in the Supervisor role that are not locked.</summary>
    private IQueryable<PortalUser> ActiveMembers()
    {
        var now = time.GetUtcNow();
        return from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == PortalRoles.Supervisor && (user.LockoutEnd == null || user.LockoutEnd <= now)
               select user;
    }

    /// <summary>
    /// Gives checks of an active draw, still to do, to a member: they wait in that member's queue (我的抽查) from then on, and
    /// the member is told by a notice (unless they gave them to themselves). Any member may still complete any check. Logged
    /// with the draw (who gave which checks to whom) and published.
    /// </summary>
    /// <returns>How many checks were given.</returns>
    public async Task<SupervisionResult<int>> AssignAsync(int drawId, IReadOnlyCollection<int> sampledCaseIds, string checkerUserId, ActingUser actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sampledCaseIds);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return SupervisionResult<int>.Fail(SupervisionError.NotPermitted);
        }

        if (sampledCaseIds.Count == 0)
        {
            return SupervisionResult<int>.Fail(SupervisionError.InputRequired);
        }

        var checker = await ActiveMembers().Where(u => u.Id == checkerUserId).Select(u => new CommitteeMember(u.Id, u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        if (checker is null)
        {
            return SupervisionResult<int>.Fail(SupervisionError.CheckerNotMember);
        }

        // Only the checks named are read (a draw by rate may hold thousands), each with its draw.
        var chosen = await db.SampledCases.Include(c => c.Draw).Where(c => c.SampleDrawId == drawId && sampledCaseIds.Contains(c.Id))
            .OrderBy(c => c.DrawOrder).ToListAsync(cancellationToken);
        if (chosen.Count == 0 || chosen.Count != sampledCaseIds.Distinct().Count())
        {
            return SupervisionResult<int>.Fail(SupervisionError.NotFound);
        }

        // A check done or cancelled (its draw discarded) is not given to anyone.
        if (chosen[0].Draw!.Status != SampleDrawStatus.Active || chosen.Any(c => c.CheckStatus != CheckStatus.Pending))
        {
            return SupervisionResult<int>.Fail(SupervisionError.WrongState);
        }

        foreach (var sampled in chosen)
        {
            sampled.AssignTo(checker.UserId, checker.Name);
        }

        SupervisionRecord.Log(db, time.GetUtcNow(), actor, SupervisionAction.ChecksAssigned, drawId,
            string.Create(CultureInfo.InvariantCulture,
                $"{CheckerKey}{checker.Name}; {CountKey}{chosen.Count}; {OrdersKey}{string.Join(',', chosen.Select(c => c.DrawOrder))}"));
        if (checker.UserId != actor.UserId)
        {
            db.Notifications.Add(CheckNotices.Assigned(chosen[0].Draw!, checker.UserId, chosen.Count, actor.Name, time.GetUtcNow()));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // A check was completed (its version moved on) or the draw discarded meanwhile.
            db.ChangeTracker.Clear();
            return SupervisionResult<int>.Fail(SupervisionError.ConcurrencyConflict);
        }

        feed?.Publish(new SpotCheckChange(SpotCheckChangeKind.Assigned, drawId));
        return SupervisionResult<int>.Ok(chosen.Count);
    }

    /// <summary>What the supervision log says was done to the draw, oldest first: drawn, checks given out, discarded.</summary>
    public async Task<IReadOnlyList<DrawHistoryEntry>> HistoryAsync(int drawId, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return [];
        }

        var entries = await db.SupervisionLog.AsNoTracking()
            .Where(e => e.SubjectId == drawId
                && (e.Action == SupervisionAction.SampleDrawn || e.Action == SupervisionAction.ChecksAssigned || e.Action == SupervisionAction.SampleDiscarded))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.At, e.ActorName, e.Details })
            .ToListAsync(cancellationToken);
        return entries.Select(e => e.Action switch
        {
            SupervisionAction.ChecksAssigned => Assigned(e.At, e.ActorName, e.Details ?? ""),
            SupervisionAction.SampleDiscarded => new DrawHistoryEntry(e.Action, e.At, e.ActorName,
                Reason: e.Details is { } d && d.StartsWith(ReasonKey, StringComparison.Ordinal) ? d[ReasonKey.Length..] : e.Details),
            _ => new DrawHistoryEntry(e.Action, e.At, e.ActorName),
        }).ToList();
    }

    /// <summary>
    /// Read back from "checker=NAME; count=N; orders=2,4". A long list of orders may have been cut short by the log's length
    /// limit: then the entry gives the count alone.
    /// </summary>
    private static DrawHistoryEntry Assigned(DateTimeOffset at, string actorName, string details)
    {
        var countAt = details.IndexOf("; " + CountKey, StringComparison.Ordinal);
        var ordersAt = details.IndexOf("; " + OrdersKey, StringComparison.Ordinal);
        if (!details.StartsWith(CheckerKey, StringComparison.Ordinal) || countAt < 0 || ordersAt < countAt
            || !int.TryParse(details.AsSpan()[(countAt + 2 + CountKey.Length)..ordersAt], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return new DrawHistoryEntry(SupervisionAction.ChecksAssigned, at, actorName);
        }

        var orders = details[(ordersAt + 2 + OrdersKey.Length)..].Split(',')
            .Select(o => int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        var whole = details.Length < SupervisionLogEntry.DetailsMaxLength && orders.Count == count && orders.All(n => n > 0);
        return new DrawHistoryEntry(SupervisionAction.ChecksAssigned, at, actorName, details[CheckerKey.Length..countAt], count, whole ? orders : null);
    }
}
