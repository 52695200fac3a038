using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>Which starter regime the portal was set up from (one row), so demo data and pages can follow it.</summary>
public sealed class OrganisationProfile
{
    public const int SingletonId = 1;
    public const int StarterMaxLength = 32;

    private OrganisationProfile()
    {
    }

    public OrganisationProfile(string starterCode, string appliedBy, DateTimeOffset appliedAt)
    {
        Id = SingletonId;
        StarterCode = starterCode;
        AppliedBy = appliedBy;
        AppliedAt = appliedAt;
    }

    public int Id { get; private set; }

    public string StarterCode { get; private set; } = "";

    public string AppliedBy { get; private set; } = "";

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>The starter the portal was set up from, or null when it was set up by hand (no profile row).</summary>
    public static Task<string?> StarterCodeAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OrganisationProfiles.AsNoTracking().Where(p => p.Id == SingletonId).Select(p => (string?)p.StarterCode).SingleOrDefaultAsync(cancellationToken);
    }
}
