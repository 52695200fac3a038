using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// What an administrator does to departments: add, change (names, kind, parent, head, calendar), retire,
/// reactivate and delete. A department that ever had work, people, teams or sub-departments cannot be
/// deleted, only retired: it keeps its history and receives no new tasks (its routing rules go with it).
/// Every change is written to the organisation's change log.
/// </summary>
public sealed class DepartmentBook(PortalDbContext db, TimeProvider time)
{
    public async Task<(OrganisationError Error, Department? Department)> AddAsync(DepartmentInput input, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is 0 or > Department.CodeMaxLength || string.IsNullOrWhiteSpace(input.NameZhHans) || !Enum.IsDefined(input.Kind))
        {
            return (OrganisationError.InvalidInput, null);
        }

        if (await db.Departments.AnyAsync(d => d.Code == code, ct))
        {
            return (OrganisationError.CodeTaken, null);
        }

        if (await CheckLinksAsync(null, input, ct) is var error and not OrganisationError.None)
        {
            return (error, null);
        }

        var department = new Department(code, input.NameZhHans.Trim(), input.NameZhHant.Trim(), input.NameEn.Trim(), input.Kind);
        department.PlaceUnder(input.ParentId);
        department.AppointHead(input.HeadUserId);
        department.UseCalendar(input.CalendarCode);
        db.Departments.Add(department);
        Log(by, code, "added: " + Describe(department));
        await db.SaveChangesAsync(ct);
        return (OrganisationError.None, department);
    }

    public async Task<OrganisationError> UpdateAsync(int id, DepartmentInput input, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return OrganisationError.NotFound;
        }

        if (input.Version is { } version && version != department.Version)
        {
            return OrganisationError.ConcurrencyConflict;
        }

        if (string.IsNullOrWhiteSpace(input.NameZhHans) || !Enum.IsDefined(input.Kind))
        {
            return OrganisationError.InvalidInput;
        }

        if (await CheckLinksAsync(id, input, ct) is var error and not OrganisationError.None)
        {
            return error;
        }

        var before = Describe(department);
        department.Rename(input.NameZhHans.Trim(), input.NameZhHant.Trim(), input.NameEn.Trim());
        department.ChangeKind(input.Kind);
        department.PlaceUnder(input.ParentId);
        department.AppointHead(input.HeadUserId);
        department.UseCalendar(input.CalendarCode);
        var dropped = await DropRulesIfNoWorkAsync(department, ct);
        var after = Describe(department);
        if (after != before || dropped > 0)
        {
            Log(by, department.Code, "changed: " + after + Dropped(dropped));
        }

        department.Touch();
        return await SaveAsync(ct);
    }

    /// <summary>Retires a department: it keeps its history, receives no new tasks, and its routing rules are removed.</summary>
    public async Task<OrganisationError> RetireAsync(int id, string by, CancellationToken ct = default) =>
        await SetActiveAsync(id, false, by, ct);

    public async Task<OrganisationError> ReactivateAsync(int id, string by, CancellationToken ct = default) =>
        await SetActiveAsync(id, true, by, ct);

    /// <summary>Deletes a department that never had work; one that has work can only be retired (<see cref="OrganisationError.HasWork"/>).</summary>
    public async Task<OrganisationError> DeleteAsync(int id, string by, CancellationToken ct = default)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return OrganisationError.NotFound;
        }

        if (await HasWorkAsync(id, ct))
        {
            return OrganisationError.HasWork;
        }

        db.RoutingRules.RemoveRange(await db.RoutingRules.Where(r => r.DepartmentId == id).ToListAsync(ct));
        db.Departments.Remove(department);
        Log(by, department.Code, "deleted");
        await db.SaveChangesAsync(ct);
        return OrganisationError.None;
    }

    /// <summary>Whether anything refers to the department: tasks (open or closed), people, teams, sub-departments.</summary>
    public async Task<bool> HasWorkAsync(int id, CancellationToken ct = default) =>
        await db.DepartmentTasks.AnyAsync(t => t.DepartmentId == id, ct)
        || await db.Users.AnyAsync(u => u.DepartmentId == id, ct)
        || await db.Teams.AnyAsync(t => t.DepartmentId == id, ct)
        || await db.Departments.AnyAsync(d => d.ParentId == id, ct);

    private async Task<OrganisationError> SetActiveAsync(int id, bool active, string by, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return OrganisationError.NotFound;
        }

        if (department.IsActive == active)
        {
            return OrganisationError.None;
        }

        if (active)
        {
            department.Activate();
        }
        else
        {
            department.Deactivate();
        }

        var dropped = await DropRulesIfNoWorkAsync(department, ct);
        Log(by, department.Code, (active ? "reactivated" : "retired") + Dropped(dropped));
        department.Touch();
        return await SaveAsync(ct);
    }

    // Saved unless another administrator saved the same department in between (its version moved on under this one).
    private async Task<OrganisationError> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OrganisationError.None;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrganisationError.ConcurrencyConflict;
        }
    }

    private async Task<int> DropRulesIfNoWorkAsync(Department department, CancellationToken ct)
    {
        if (department.ReceivesWork)
        {
            return 0;
        }

        var rules = await db.RoutingRules.Where(r => r.DepartmentId == department.Id).ToListAsync(ct);
        db.RoutingRules.RemoveRange(rules);
        return rules.Count;
    }

    private async Task<OrganisationError> CheckLinksAsync(int? id, DepartmentInput input, CancellationToken ct)
    {
        if (input.ParentId is { } parentId)
        {
            var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                return OrganisationError.UnknownParent;
            }

            // Walking up from the new parent must never come back to this department.
            var seen = new HashSet<int>();
            for (int? at = parentId; at is not null; at = parents.GetValueOrDefault(at.Value))
            {
                if (at == id || !seen.Add(at.Value))
                {
                    return OrganisationError.ParentCycle;
                }
            }
        }

        if (input.CalendarCode is { Length: > 0 } calendar && !await db.WorkingCalendars.AnyAsync(c => c.Code == calendar, ct))
        {
            return OrganisationError.UnknownCalendar;
        }

        if (input.HeadUserId is { Length: > 0 } head && !await db.Users.AnyAsync(u => u.Id == head, ct))
        {
            return OrganisationError.UnknownHead;
        }

        return OrganisationError.None;
    }

    private void Log(string by, string code, string what) =>
        db.OrganisationChanges.Add(new OrganisationChange(time.GetUtcNow(), by, OrganisationSubject.Department, code, what));

    private static string Dropped(int rules) => rules == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; routing rules removed={rules}");

    private static string Describe(Department d) => string.Create(CultureInfo.InvariantCulture,
        $"name={d.NameZhHans}|{d.NameZhHant}|{d.NameEn}; kind={d.Kind}; parent={d.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "-"}; head={d.HeadUserId ?? "-"}; calendar={d.CalendarCode ?? "-"}; active={d.IsActive}");
}
