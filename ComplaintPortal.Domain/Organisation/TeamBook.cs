using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>Teams inside departments and who belongs to them; every change goes to the organisation's change log.</summary>
public sealed class TeamBook(PortalDbContext db, TimeProvider time)
{
    public async Task<List<Team>> OfDepartmentAsync(int departmentId, CancellationToken ct = default) =>
        await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => t.DepartmentId == departmentId).OrderBy(t => t.Code).ToListAsync(ct);

    public async Task<OrganisationError> AddAsync(int departmentId, string code, string zhHans, string zhHant, string en, string by, CancellationToken ct = default)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? "";
        if (normalized.Length is 0 or > Team.CodeMaxLength || string.IsNullOrWhiteSpace(zhHans))
        {
            return OrganisationError.InvalidInput;
        }

        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId, ct);
        if (department is null || !department.IsActive)
        {
            return OrganisationError.UnknownDepartment;
        }

        if (await db.Teams.AnyAsync(t => t.Code == normalized, ct))
        {
            return OrganisationError.CodeTaken;
        }

        db.Teams.Add(new Team(departmentId, normalized, zhHans.Trim(), zhHant?.Trim() ?? "", en?.Trim() ?? ""));
        db.OrganisationChanges.Add(new OrganisationChange(time.GetUtcNow(), by, OrganisationSubject.Team, normalized,
            $"added to {department.Code}: {zhHans.Trim()}"));
        await db.SaveChangesAsync(ct);
        return OrganisationError.None;
    }

    /// <summary>
    /// Makes the team's members exactly <paramref name="userIds"/>. Only people of the team's department can be
    /// members (<see cref="OrganisationError.InvalidInput"/> otherwise).
    /// </summary>
    /// <param name="expected">
    /// The members the administrator's page showed: when another administrator has changed them since,
    /// <see cref="OrganisationError.ConcurrencyConflict"/> and nothing is overwritten. Null: not checked.
    /// </param>
    public async Task<OrganisationError> SetMembersAsync(int teamId, IReadOnlyCollection<string> userIds, string by, IReadOnlyCollection<string>? expected = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var team = await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return OrganisationError.NotFound;
        }

        if (expected is not null && !team.Members.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal).SetEquals(expected))
        {
            return OrganisationError.ConcurrencyConflict;
        }

        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        var inDepartment = await db.Users.Where(u => wanted.Contains(u.Id) && u.DepartmentId == team.DepartmentId).Select(u => u.Id).ToListAsync(ct);
        if (inDepartment.Count != wanted.Count)
        {
            return OrganisationError.InvalidInput;
        }

        var leaving = team.Members.Where(m => !wanted.Contains(m.UserId)).ToList();
        var joining = wanted.Where(id => team.Members.All(m => m.UserId != id)).ToList();
        if (leaving.Count == 0 && joining.Count == 0)
        {
            return OrganisationError.None;
        }

        db.TeamMembers.RemoveRange(leaving);
        db.TeamMembers.AddRange(joining.Select(id => new TeamMember(team.Id, id)));
        db.OrganisationChanges.Add(new OrganisationChange(time.GetUtcNow(), by, OrganisationSubject.Membership, team.Code,
            "joined=" + string.Join(",", joining) + "; left=" + string.Join(",", leaving.Select(m => m.UserId))));
        team.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // Another administrator's save of the same team landed between this one's read and its save (the team's version
            // moved on, or the same person was added twice): nothing of this save is written.
            db.ChangeTracker.Clear();
            return OrganisationError.ConcurrencyConflict;
        }

        return OrganisationError.None;
    }
}
