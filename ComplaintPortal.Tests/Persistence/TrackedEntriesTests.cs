using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Persistence;

/// <summary>
/// The save interceptors detect a save's changes once each and read the entries as detected: reading does not detect again
/// (nor leave automatic detection off), detecting does, and a save made with automatic detection off (the archiver's) is
/// not detected again, because its caller detected it.
/// </summary>
public sealed class TrackedEntriesTests : CaseDatabaseTest
{
    [Fact]
    public async Task Reading_as_detected_does_not_detect_a_change_until_it_is_detected()
    {
        await using var db = Database.CreateContext();
        var department = await db.Departments.FirstAsync(d => d.Code == DepartmentCatalog.Quality);
        department.Rename("质量部（新）", "品質部（新）", "Quality (new)");

        var read = Assert.Single(db.ChangeTracker.AsDetected<Department>(), e => e.Entity == department);
        Assert.Equal(EntityState.Unchanged, read.State);
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);

        TrackedEntries.Detect(db);
        Assert.Equal(EntityState.Modified, Assert.Single(db.ChangeTracker.AsDetected<Department>(), e => e.Entity == department).State);
    }

    [Fact]
    public async Task A_save_whose_caller_turned_automatic_detection_off_is_not_detected_again()
    {
        await using var db = Database.CreateContext();
        var department = await db.Departments.FirstAsync(d => d.Code == DepartmentCatalog.Quality);
        department.Rename("质量部（新）", "品質部（新）", "Quality (new)");
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        TrackedEntries.Detect(db);
        Assert.Equal(EntityState.Unchanged, db.Entry(department).State);
        Assert.False(db.ChangeTracker.AutoDetectChangesEnabled);
    }
}
