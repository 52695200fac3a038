using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// The administrator's side of time-limit policies: every save is logged as a <see cref="SlaPolicyChange"/>.
/// Saving changes only the policy: deadlines already set are stored instants and stay as they were.
/// </summary>
public sealed class SlaPolicyBook(PortalDbContext db)
{
    public async Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Priority).ThenBy(p => p.CategoryId).ToListAsync(cancellationToken);

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

        SlaPolicy policy;
        string? before = null;
        if (policyId is { } id)
        {
            policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
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

            if (await db.SlaPolicies.AnyAsync(p => p.Priority == values.Priority && p.CategoryId == values.CategoryId, cancellationToken))
            {
                return SlaPolicySaveResult.AlreadyExists;
            }

            policy = new SlaPolicy(values.Priority, values.CategoryId, values.CalendarCode, values.FirstResponse, values.SolutionPlan,
                values.Completion, values.DueSoonPercent);
            db.SlaPolicies.Add(policy);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.SlaPolicyChanges.Add(new SlaPolicyChange(policy.Id, userId, userName, now, before, policy.Summary()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SlaPolicySaveResult.Saved;
    }
}

/// <summary>What an administrator enters for a policy (priority and category only count for a new override).</summary>
public sealed record SlaPolicyValues(Priority Priority, int? CategoryId, string CalendarCode, SlaTarget FirstResponse, SlaTarget SolutionPlan,
    SlaTarget Completion, int DueSoonPercent);

public enum SlaPolicySaveResult
{
    Saved,
    Invalid,
    UnknownCalendar,
    AlreadyExists,
}
