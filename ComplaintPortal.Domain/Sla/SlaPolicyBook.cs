using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// The administrator's side of time-limit policies: every save and deletion is logged as a
/// <see cref="SlaPolicyChange"/>. Saving changes only the policy: deadlines already set are stored instants
/// and stay as they were. A category override applies to the category and its sub-categories.
/// </summary>
public sealed class SlaPolicyBook(PortalDbContext db, WorkingCalendarCache? calendars = null)
{
    /// <summary>Summary written to the change log when an override is deleted.</summary>
    public const string DeletedSummary = "deleted";

    /// <summary>The policies in force (deleted overrides are left out).</summary>
    public async Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.SlaPolicies.AsNoTracking().Where(p => p.RetiredAt == null).OrderBy(p => p.Priority).ThenBy(p => p.CategoryId)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SlaPolicyChange>> ChangesAsync(int take, CancellationToken cancellationToken = default) =>
        await db.SlaPolicyChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>One page of the change log, newest first, and how long the whole log is.</summary>
    public async Task<(IReadOnlyList<SlaPolicyChange> Changes, int Total)> ChangesPageAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var total = await db.SlaPolicyChanges.CountAsync(cancellationToken);
        var changes = await db.SlaPolicyChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Skip(Math.Max(0, skip)).Take(take).ToListAsync(cancellationToken);
        return (changes, total);
    }

    /// <summary>Updates the policy <paramref name="policyId"/>, or adds one when it is null (a category override).</summary>
    public async Task<SlaPolicySaveResult> SaveAsync(int? policyId, SlaPolicyValues values, string userId, string userName, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.DueSoonPercent is < SlaPolicy.MinDueSoonPercent or > SlaPolicy.MaxDueSoonPercent
            || values.FirstResponse.Amount <= 0 || values.SolutionPlan.Amount <= 0 || values.Completion.Amount <= 0)
        {
            return SlaPolicySaveResult.Invalid;
        }

        if (!await db.WorkingCalendars.AnyAsync(c => c.Code == values.CalendarCode, cancellationToken))
        {
            return SlaPolicySaveResult.UnknownCalendar;
        }

        var calendar = await (calendars ?? WorkingCalendarCache.Shared).GetAsync(db, values.CalendarCode, cancellationToken);
        if (values.Check(calendar) is { } refused)
        {
            return refused;
        }

        SlaPolicy policy;
        string? before = null;
        if (policyId is { } id)
        {
            policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id && p.RetiredAt == null, cancellationToken)
                ?? throw new InvalidOperationException($"Policy {id} does not exist.");
            before = policy.Summary();
            policy.Apply(values.CalendarCode, values.FirstResponse, values.SolutionPlan, values.Completion, values.DueSoonPercent);
            if (policy.Summary() == before)
            {
                return SlaPolicySaveResult.Saved;
            }
        }
        else
        {
            if (values.CategoryId is null || !await db.Categories.AnyAsync(c => c.Id == values.CategoryId, cancellationToken))
            {
                return SlaPolicySaveResult.Invalid;
            }

            var existing = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Priority == values.Priority && p.CategoryId == values.CategoryId, cancellationToken);
            if (existing is { IsRetired: false })
            {
                return SlaPolicySaveResult.AlreadyExists;
            }

            if (existing is not null)
            {
                // A deleted override added again comes back under its old id (deadlines may refer to it).
                policy = existing;
                before = DeletedSummary;
                policy.Apply(values.CalendarCode, values.FirstResponse, values.SolutionPlan, values.Completion, values.DueSoonPercent);
            }
            else
            {
                policy = new SlaPolicy(values.Priority, values.CategoryId, values.CalendarCode, values.FirstResponse, values.SolutionPlan,
                    values.Completion, values.DueSoonPercent);
                db.SlaPolicies.Add(policy);
            }
        }

        await SaveLoggedAsync(policy, userId, userName, now, before, policy.Summary(), cancellationToken);
        return SlaPolicySaveResult.Saved;
    }

    /// <summary>
    /// Deletes a category override: it stops applying at once (its categories fall back to the nearest
    /// ancestor's override or the default); deadlines already computed from it keep their instants.
    /// </summary>
    public async Task<SlaPolicyDeleteResult> DeleteAsync(int policyId, string userId, string userName, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == policyId && p.RetiredAt == null, cancellationToken);
        if (policy is null)
        {
            return SlaPolicyDeleteResult.NotFound;
        }

        if (policy.CategoryId is null)
        {
            return SlaPolicyDeleteResult.DefaultPolicy;
        }

        var before = policy.Summary();
        policy.Retire(now);
        await SaveLoggedAsync(policy, userId, userName, now, before, DeletedSummary, cancellationToken);
        return SlaPolicyDeleteResult.Deleted;
    }

    private async Task SaveLoggedAsync(SlaPolicy policy, string userId, string userName, DateTimeOffset now, string? before, string after,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.SlaPolicyChanges.Add(new SlaPolicyChange(policy.Id, userId, userName, now, before, after));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>What an administrator enters for a policy (priority and category only count for a new override).</summary>
public sealed record SlaPolicyValues(Priority Priority, int? CategoryId, string CalendarCode, SlaTarget FirstResponse, SlaTarget SolutionPlan,
    SlaTarget Completion, int DueSoonPercent)
{
    /// <summary>
    /// The stages must come in order: the first response no later than the solution plan, the plan no later
    /// than completion. Targets are compared on one basis, their working time on the policy's calendar (a day
    /// is its standard working day, e.g. 7.5 h on the mainland calendar, 24 h on 24/7), so 50 h for the plan
    /// against 48 h for completion is refused. Null when the order is right.
    /// </summary>
    public SlaPolicySaveResult? Check(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (FirstResponse.WorkingTimeOn(calendar) > SolutionPlan.WorkingTimeOn(calendar))
        {
            return SlaPolicySaveResult.FirstResponseAfterSolutionPlan;
        }

        return SolutionPlan.WorkingTimeOn(calendar) > Completion.WorkingTimeOn(calendar)
            ? SlaPolicySaveResult.SolutionPlanAfterCompletion
            : null;
    }
}

public enum SlaPolicyDeleteResult
{
    Deleted,
    NotFound,

    /// <summary>A priority's default policy cannot be deleted, only changed.</summary>
    DefaultPolicy,
}

public enum SlaPolicySaveResult
{
    Saved,
    Invalid,
    UnknownCalendar,
    AlreadyExists,

    /// <summary>The first response would be due after the solution plan.</summary>
    FirstResponseAfterSolutionPlan,

    /// <summary>The solution plan would be due after completion.</summary>
    SolutionPlanAfterCompletion,
}
