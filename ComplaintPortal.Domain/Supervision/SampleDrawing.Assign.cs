using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>A member of the committee whom checks can be given to.</summary>
public sealed record CommitteeMember(string UserId, string Name);

public sealed partial class SampleDrawing
{
    /// <summary>The committee's members with an active account (in the Supervisor role, not locked), by name.</summary>
    public async Task<IReadOnlyList<CommitteeMember>> MembersAsync(ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return [];
        }

        var now = time.GetUtcNow();
        return await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == PortalRoles.Supervisor && (user.LockoutEnd == null || user.LockoutEnd <= now)
            orderby user.DisplayName, user.Id
            select new CommitteeMember(user.Id, user.DisplayName)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Gives checks of an active draw, still to do, to a member: they wait in that member's queue (我的抽查) from then on.
    /// Any member may still complete any check. Logged with the draw (who gave which checks to whom) and published.
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

        var checker = (await MembersAsync(actor, cancellationToken)).FirstOrDefault(m => m.UserId == checkerUserId);
        if (checker is null)
        {
            return SupervisionResult<int>.Fail(SupervisionError.CheckerNotMember);
        }

        var draw = await db.SampleDraws.Include(d => d.Cases).SingleOrDefaultAsync(d => d.Id == drawId, cancellationToken);
        var chosen = draw?.Cases.Where(c => sampledCaseIds.Contains(c.Id)).OrderBy(c => c.DrawOrder).ToList() ?? [];
        if (draw is null || chosen.Count != sampledCaseIds.Distinct().Count())
        {
            return SupervisionResult<int>.Fail(SupervisionError.NotFound);
        }

        // A check done or cancelled (its draw discarded) is not given to anyone.
        if (draw.Status != SampleDrawStatus.Active || chosen.Any(c => c.CheckStatus != CheckStatus.Pending))
        {
            return SupervisionResult<int>.Fail(SupervisionError.WrongState);
        }

        foreach (var sampled in chosen)
        {
            sampled.AssignTo(checker.UserId, checker.Name);
        }

        SupervisionRecord.Log(db, time.GetUtcNow(), actor, SupervisionAction.ChecksAssigned, draw.Id,
            $"checker={checker.Name}; orders={string.Join(',', chosen.Select(c => c.DrawOrder.ToString(CultureInfo.InvariantCulture)))}");
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

        feed?.Publish(new SpotCheckChange(SpotCheckChangeKind.Assigned, draw.Id));
        return SupervisionResult<int>.Ok(chosen.Count);
    }
}
