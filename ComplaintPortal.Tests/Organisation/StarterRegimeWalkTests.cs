using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Organisation;

/// <summary>For each starter regime: a portal set up from it, and one complaint of that regime from intake to close.</summary>
public sealed class StarterRegimeWalkTests : IDisposable
{
    private readonly TestDatabase database = new();

    [Fact]
    public async Task Manufacturer_defect_is_routed_to_rnd_production_and_quality_and_closed()
    {
        var driver = await SetUpAsync(Starters.Manufacturer);
        var id = (await driver.RegisterAsync()).Id;
        await driver.AssessAsync(id, "QUALITY.DEFECT");
        await driver.AcknowledgeAsync(id);

        var proposed = await ProposedCodesAsync(driver, "QUALITY.DEFECT");
        Assert.Equal([DepartmentCatalog.RnD, DepartmentCatalog.Production, DepartmentCatalog.Quality], proposed);

        await WalkToCloseAsync(driver, id, proposed);
    }

    [Fact]
    public async Task Plaza_indoor_repair_is_routed_to_engineering_and_closed()
    {
        var driver = await SetUpAsync(Starters.Plaza);
        var request = CaseDriver.SampleIntake() with
        {
            Channel = ComplaintChannel.WalkIn,
            Complainant = new() { Name = "李女士", Phone = "13900001111", CustomerGroup = "B1-12 租户" },
            Subject = new() { Location = "B1-12 商铺", Facility = "空调" },
            Description = "商铺空调不制冷",
        };
        var id = (await driver.RegisterAsync(request)).Id;
        await driver.AssessAsync(id, "REPAIR.INDOOR");
        await driver.AcknowledgeAsync(id);

        var proposed = await ProposedCodesAsync(driver, "REPAIR.INDOOR");
        Assert.Equal([DepartmentCatalog.Engineering], proposed);

        await WalkToCloseAsync(driver, id, proposed);
        await using var db = database.CreateContext();
        Assert.Equal(7, await db.RepairCategories.CountAsync());
    }

    [Fact]
    public async Task Telecom_billing_dispute_reaches_finance_and_is_closed()
    {
        var driver = await SetUpAsync(Starters.Telecom);
        var request = CaseDriver.SampleIntake() with
        {
            Channel = ComplaintChannel.WalkIn,
            Complainant = new() { Name = "赵先生", Phone = "18600002222" },
            Subject = new() { OrderNumber = "账户 0755-8888" },
            Description = "三月话费多扣 300 元",
            CustomerRequest = "退还多扣费用",
        };
        var id = (await driver.RegisterAsync(request)).Id;
        await driver.AssessAsync(id, "BILLING.OVERCHARGE");
        await driver.AcknowledgeAsync(id);

        var proposed = await ProposedCodesAsync(driver, "BILLING.OVERCHARGE");
        Assert.Equal([DepartmentCatalog.Finance], proposed);

        var complaint = await WalkToCloseAsync(driver, id, proposed);
        Assert.Equal(driver.DepartmentId(DepartmentCatalog.Finance), Assert.Single(complaint.Tasks).DepartmentId);
    }

    [Fact]
    public async Task Empty_starter_leaves_an_organisation_to_build_but_brings_calendars()
    {
        await database.MigrateAsync(Starters.Empty);
        await using var db = database.CreateContext();

        Assert.Equal(0, await db.Departments.CountAsync());
        Assert.True(await db.WorkingCalendars.AnyAsync());
        Assert.Equal(Starters.EmptyCode, (await db.OrganisationProfiles.SingleAsync()).StarterCode);
        Assert.True(await PortalDatabaseInitializer.IsSetUpAsync(db));
    }

    [Fact]
    public async Task A_starter_is_applied_once_and_a_second_never_mixes_in()
    {
        await database.MigrateAsync(Starters.Telecom);
        await using var db = database.CreateContext();

        Assert.False(await PortalDatabaseInitializer.ApplyStarterIfNotSetUpAsync(db, Starters.Plaza, "admin", DateTimeOffset.UnixEpoch));
        Assert.False(await db.Departments.AnyAsync(d => d.Code == DepartmentCatalog.Engineering));
    }

    public void Dispose() => database.Dispose();

    private async Task<CaseDriver> SetUpAsync(OrganisationSetup starter)
    {
        await database.MigrateAsync(starter);
        return await CaseDriver.CreateAsync(database);
    }

    private async Task<List<string>> ProposedCodesAsync(CaseDriver driver, string category)
    {
        await using var db = database.CreateContext();
        var ids = await RoutingProposal.ForCategoryAsync(db, driver.CategoryId(category));
        return await db.Departments.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).Select(d => d.Code).ToListAsync();
    }

    private async Task<Complaint> WalkToCloseAsync(CaseDriver driver, int id, IReadOnlyList<string> departments)
    {
        await driver.DispatchAsync(id, [.. departments]);
        var complaint = await driver.WorkAllTasksAsync(id);
        Assert.Equal(CaseStage.UnderReview, complaint.Stage);
        await driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "处理结果合理" }, driver.Clerk);
        await driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已处理，感谢反馈，深表歉意" }, driver.Clerk);
        complaint = await driver.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true, Note = "满意" }, driver.Clerk);
        Assert.Equal(CaseStage.Closed, complaint.Stage);
        await using var check = database.CreateContext();
        Assert.True((await LedgerVerifier.VerifyCaseAsync(check, id)).IsIntact);
        return complaint;
    }
}
