using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ComplaintPortal.Tests.Persistence;

/// <summary>
/// A save's changes are detected once, by its first interceptor, and the others read the entries as detected: reading does
/// not detect again (nor leave automatic detection off), detecting does, and a save made with automatic detection off (the
/// archiver's) is not detected again, because its caller detected it.
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

    [Fact]
    public async Task A_save_detects_its_changes_first_so_a_guard_sees_a_property_changed_on_the_entity_itself()
    {
        var complaint = await Driver.RegisterAsync();
        await using (var db = Database.CreateContext())
        {
            await new PersonalDataViews(db, Driver.Time).RecordAsync(Driver.Clerk, complaint.Id, complaint.CaseNumber, PersonalDataViewKind.CasePage, null, null);
        }

        await using var tampering = Database.CreateContext();
        var interceptors = tampering.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!;
        Assert.IsType<SaveDetection>(interceptors.First());
        var line = await tampering.PersonalDataViews.SingleAsync();
        // Changed on the entity, as code would, not through the change tracker: only a detection finds it.
        typeof(PersonalDataView).GetProperty(nameof(PersonalDataView.Detail))!.SetValue(line, "changed afterwards");

        // The privacy log's guard refuses it (without the first detection it would read the line unchanged, and the
        // database's trigger would be left to refuse the UPDATE).
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => tampering.SaveChangesAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }
}
