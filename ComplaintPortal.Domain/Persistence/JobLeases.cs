using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// Takes, renews and gives up <see cref="JobLease"/>s. Each step is one conditional update, so two instances asking at
/// once cannot both get a job: the database decides.
/// </summary>
public sealed class JobLeases(PortalDbContext db)
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="leaseFor"/>,
    /// unless another holder has it and its lease has not run out. True when taken.
    /// </summary>
    public async Task<bool> TryTakeAsync(string name, string holder, string work, string? startedBy, DateTimeOffset now, TimeSpan leaseFor,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        await EnsureRowAsync(name, cancellationToken);
        var expires = now + leaseFor;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == null || l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.Work, work)
                .SetProperty(l => l.StartedBy, startedBy)
                .SetProperty(l => l.StartedAt, now)
                .SetProperty(l => l.ExpiresAt, expires)
                .SetProperty(l => l.Done, 0)
                .SetProperty(l => l.Total, (int?)null), cancellationToken);
        return taken == 1;
    }

    /// <summary>
    /// Extends the holder's lease and records how far the job is (and what it is on now, unless <paramref name="work"/> is
    /// null); false when the holder no longer has it.
    /// </summary>
    public async Task<bool> RenewAsync(string name, string holder, DateTimeOffset now, TimeSpan leaseFor, string? work, int done, int? total,
        CancellationToken cancellationToken = default)
    {
        var expires = now + leaseFor;
        var renewed = await db.JobLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.ExpiresAt, expires)
                .SetProperty(l => l.Work, l => work ?? l.Work)
                .SetProperty(l => l.Done, done)
                .SetProperty(l => l.Total, total), cancellationToken);
        return renewed == 1;
    }

    /// <summary>Gives the job up, if the holder still has it.</summary>
    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        db.JobLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, (string?)null)
                .SetProperty(l => l.Work, (string?)null)
                .SetProperty(l => l.StartedBy, (string?)null)
                .SetProperty(l => l.StartedAt, (DateTimeOffset?)null)
                .SetProperty(l => l.ExpiresAt, (DateTimeOffset?)null)
                .SetProperty(l => l.Done, 0)
                .SetProperty(l => l.Total, (int?)null), cancellationToken);

    /// <summary>The job's lease while someone holds it (and it has not run out), else null.</summary>
    public Task<JobLease?> HeldAsync(string name, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == name && l.Holder != null && l.ExpiresAt > now, cancellationToken);

    private async Task EnsureRowAsync(string name, CancellationToken cancellationToken)
    {
        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return;
        }

        var row = db.JobLeases.Add(new JobLease(name));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // Another instance made the row first: the conditional update decides between us.
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }
}
