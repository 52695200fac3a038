using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>What became of a search kept under a name.</summary>
public enum SavedSearchOutcome
{
    Saved,

    /// <summary>No name, or one longer than <see cref="SavedSearch.NameLength"/>.</summary>
    NameMissing,

    /// <summary>The person already keeps a search by that name.</summary>
    NameTaken,

    /// <summary>The person keeps <see cref="SavedSearch.PerPerson"/> already.</summary>
    TooMany,

    /// <summary>Nothing is asked (every case), or the address is longer than <see cref="SavedSearch.QueryLength"/>.</summary>
    NothingAsked,
}

/// <summary>A person's kept searches (常用查询): listed in the order kept, added under a name unique to them, removed by them alone.</summary>
public sealed class SavedSearches(PortalDbContext db)
{
    public async Task<IReadOnlyList<SavedSearch>> ListAsync(ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await db.SavedSearches.AsNoTracking().Where(s => s.UserId == user.UserId).OrderBy(s => s.Id).ToListAsync(ct);
    }

    /// <summary>Keeps <paramref name="query"/> (the search page's query string) under <paramref name="name"/>, trimmed.</summary>
    public async Task<SavedSearchOutcome> SaveAsync(ActingUser user, string? name, string? query, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > SavedSearch.NameLength)
        {
            return SavedSearchOutcome.NameMissing;
        }

        if (query is null || query.Length < 2 || query[0] != '?' || query.Length > SavedSearch.QueryLength)
        {
            return SavedSearchOutcome.NothingAsked;
        }

        var kept = await db.SavedSearches.Where(s => s.UserId == user.UserId).Select(s => s.Name).ToListAsync(ct);
        if (kept.Contains(name, StringComparer.Ordinal))
        {
            return SavedSearchOutcome.NameTaken;
        }

        if (kept.Count >= SavedSearch.PerPerson)
        {
            return SavedSearchOutcome.TooMany;
        }

        db.Add(new SavedSearch(user.UserId, name, query, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return SavedSearchOutcome.Saved;
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // The same name kept from another page at the same moment (the database's unique index).
            return SavedSearchOutcome.NameTaken;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Removes one of the person's own kept searches; false when they keep none by that id.</summary>
    public async Task<bool> DeleteAsync(ActingUser user, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await db.SavedSearches.Where(s => s.Id == id && s.UserId == user.UserId).ExecuteDeleteAsync(ct) > 0;
    }
}
