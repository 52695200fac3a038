using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Gives the cases registered before <see cref="Complaint.PhoneKey"/> existed their key, once, at start-up: a key is
/// computed in .NET (<see cref="ContactForms.PhoneKey"/>), which neither SQLite nor SQL Server can do in a migration.
/// </summary>
public static class PhoneKeys
{
    private const int Batch = 2000;

    /// <summary>Sets the key of every case with a phone and no key; returns how many were set.</summary>
    public static async Task<int> BackfillAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = 0;
        var after = 0;
        while (true)
        {
            var page = await db.Complaints.AsNoTracking()
                .Where(c => c.Id > after && c.PhoneKey == null && c.Complainant.Phone != null)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Complainant.Phone })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return set;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in page)
            {
                // A phone with too few digits keeps no key; it is read again at the next start (there are few such).
                if (ContactForms.PhoneKey(row.Phone) is { } key)
                {
                    set += await db.Database.ExecuteSqlAsync($"UPDATE Complaints SET PhoneKey = {key} WHERE Id = {row.Id}", cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            after = page[^1].Id;
        }
    }
}
