using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Organisation;

/// <summary>Configuration export → import into an empty portal → the same configuration and the same behaviour.</summary>
public sealed class OrganisationSetupTransferTests : IDisposable
{
    private readonly TestDatabase source = new();
    private readonly TestDatabase target = new();

    [Fact]
    public async Task Exported_configuration_imported_into_an_empty_portal_behaves_identically()
    {
        await source.MigrateAsync(Starters.Telecom);
        await target.MigrateAsync(null);
        string json;
        await using (var db = source.CreateContext())
        {
            // An administrator's own changes travel too.
            var teams = new TeamBook(db, TimeProvider.System);
            await teams.AddAsync(await db.Departments.Where(d => d.Code == DepartmentCatalog.Finance).Select(d => d.Id).SingleAsync(), "FIN.ADJ", "调账组", "調賬組", "Adjustments", "admin");
            json = OrganisationSetupExport.ToJson(await OrganisationSetupExport.ReadAsync(db));
        }

        var imported = OrganisationSetupExport.FromJson(json)!;
        await using (var db = target.CreateContext())
        {
            Assert.Empty(await OrganisationSetupInstaller.ApplyAsync(db, imported, "admin", DateTimeOffset.UnixEpoch));
        }

        await using (var db = target.CreateContext())
        {
            Assert.Equal(json, OrganisationSetupExport.ToJson(await OrganisationSetupExport.ReadAsync(db)));
        }

        // The same complaint, walked on both portals, is routed and timed the same way.
        var fromSource = await WalkBillingDisputeAsync(source);
        var fromTarget = await WalkBillingDisputeAsync(target);
        Assert.Equal(fromSource, fromTarget);
        Assert.Equal([DepartmentCatalog.Finance], fromSource.Proposed);
    }

    [Fact]
    public async Task An_import_with_any_problem_applies_nothing()
    {
        await target.MigrateAsync(null);
        var broken = Starters.Plaza with
        {
            Categories = [.. Starters.Plaza.Categories, new SetupCategory("LOST", null, "失物", "失物", "Lost property", ["NOWHERE"])],
        };

        await using var db = target.CreateContext();
        var problems = await OrganisationSetupInstaller.ApplyAsync(db, broken, "admin", DateTimeOffset.UnixEpoch);

        Assert.Contains(problems, p => p.Code == SetupProblemCode.UnknownDepartment && p.Where == "LOST→NOWHERE");
        Assert.Equal(0, await db.Departments.CountAsync());
        Assert.Equal(0, await db.Categories.CountAsync());
        Assert.Equal(0, await db.SlaPolicies.CountAsync());
    }

    [Fact]
    public void A_file_that_is_not_a_configuration_is_refused()
    {
        Assert.Null(OrganisationSetupExport.FromJson("{ not json"));
        var zero = OrganisationSetupExport.ToJson(Starters.Telecom).Replace("\"amount\": 4", "\"amount\": 0", StringComparison.Ordinal);
        Assert.Null(OrganisationSetupExport.FromJson(zero));
    }

    public void Dispose()
    {
        source.Dispose();
        target.Dispose();
    }

    private static async Task<WalkOutcome> WalkBillingDisputeAsync(TestDatabase database)
    {
        var driver = await CaseDriver.CreateAsync(database);
        var id = (await driver.RegisterAsync()).Id;
        await driver.AssessAsync(id, "BILLING.OVERCHARGE");
        await driver.AcknowledgeAsync(id);
        await using var db = database.CreateContext();
        var proposed = await RoutingProposal.ForCategoryAsync(db, driver.CategoryId("BILLING.OVERCHARGE"));
        var codes = await db.Departments.Where(d => proposed.Contains(d.Id)).Select(d => d.Code).ToListAsync();
        var complaint = await driver.DispatchAsync(id, [.. codes]);
        var deadlines = await db.CaseDeadlines.Where(d => d.ComplaintId == id).OrderBy(d => d.Kind).Select(d => d.DueAt).ToListAsync();
        return new WalkOutcome(codes, complaint.Tasks.Single().Deadline, string.Join(";", deadlines.Select(d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
    }

    private sealed record WalkOutcome(IReadOnlyList<string> Proposed, DateTimeOffset TaskDeadline, string Deadlines)
    {
        public bool Equals(WalkOutcome? other) =>
            other is not null && Proposed.SequenceEqual(other.Proposed) && TaskDeadline == other.TaskDeadline && Deadlines == other.Deadlines;

        public override int GetHashCode() => HashCode.Combine(TaskDeadline, Deadlines);
    }
}
