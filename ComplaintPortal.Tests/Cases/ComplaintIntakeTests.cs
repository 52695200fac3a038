using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Cases;

public sealed class ComplaintIntakeTests : CaseDatabaseTest
{
    [Fact]
    public async Task Registration_numbers_cases_in_sequence_and_starts_a_new_sequence_each_year()
    {
        Driver.Time.Set(new DateTimeOffset(2026, 12, 31, 10, 0, 0, TimeSpan.Zero));
        var first = await Driver.RegisterAsync();
        var second = await Driver.RegisterAsync();
        Driver.Time.Set(new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero));
        var next = await Driver.RegisterAsync();

        Assert.Equal("KS-2026-000001", first.CaseNumber);
        Assert.Equal("KS-2026-000002", second.CaseNumber);
        Assert.Equal("KS-2027-000001", next.CaseNumber);
        Assert.Equal(CaseStage.Registered, first.Stage);
        await using var db = Database.CreateContext();
        var register = await db.LedgerEvents.SingleAsync(e => e.ComplaintId == first.Id);
        Assert.Equal((nameof(WorkflowAction.Register), 1), (register.Action, register.Sequence));
    }

    [Fact]
    public async Task Same_idempotency_key_twice_creates_one_case()
    {
        var first = await Driver.RegisterAsync(CaseDriver.SampleIntake("form:abc"));
        await using var db = Database.CreateContext();
        var again = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake("form:abc"), Driver.Clerk);

        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Complaint!.Id);
        Assert.Equal(1, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task Simultaneous_submissions_with_one_key_create_one_case()
    {
        var attempts = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = Database.CreateContext();
            return await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake("api:retry-1"), Driver.Clerk);
        });
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Complaint!.Id).Distinct());
        Assert.Single(results, r => r.Created);
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.Complaints.CountAsync());
        Assert.Equal(1, await check.LedgerEvents.CountAsync());
    }

    [Fact]
    public async Task Simultaneous_registrations_get_distinct_numbers()
    {
        var attempts = Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var db = Database.CreateContext();
            return await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), Driver.Clerk);
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(6, results.Select(r => r.Complaint!.CaseNumber).Distinct().Count());
    }

    [Fact]
    public async Task Incomplete_record_is_refused_with_every_reason()
    {
        await using var db = Database.CreateContext();
        var result = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(
            new IntakeRequest { ReceivedAt = Driver.Time.GetUtcNow().AddDays(1) }, Driver.Clerk);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [IntakeError.NameRequired, IntakeError.ContactRequired, IntakeError.DescriptionRequired, IntakeError.ChannelRequired, IntakeError.ReceivedInFuture],
            result.Errors.Select(e => e.Error));
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task A_phone_with_no_number_in_it_or_an_e_mail_that_is_no_address_is_refused_on_its_field()
    {
        await using var db = Database.CreateContext();
        var request = CaseDriver.SampleIntake() with { Complainant = new() { Name = "王小明", Phone = "abc12", Email = "not-an-email" } };

        var result = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(request, Driver.Clerk);

        Assert.Equal([new(IntakeError.PhoneInvalid, ComplaintIntake.Fields.Phone), new(IntakeError.EmailInvalid, ComplaintIntake.Fields.Email)], result.Errors);
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task A_purchase_after_the_complaint_was_received_is_refused_on_its_field_and_one_that_day_is_kept()
    {
        await using var db = Database.CreateContext();
        var intake = new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default);
        var received = Driver.Time.GetUtcNow().AddDays(-10);
        var receivedDay = DateOnly.FromDateTime(received.UtcDateTime);
        IntakeRequest Bought(DateOnly day) => CaseDriver.SampleIntake() with
        {
            ReceivedAt = received, Subject = new() { ProductModel = "XP-200", PurchaseDate = day },
        };

        var later = await intake.RegisterAsync(Bought(receivedDay.AddDays(3)), Driver.Clerk);
        Assert.Equal([new(IntakeError.PurchaseAfterReceipt, ComplaintIntake.Fields.PurchaseDate)], later.Errors);
        Assert.Equal(0, await db.Complaints.CountAsync());

        var sameDay = await intake.RegisterAsync(Bought(receivedDay), Driver.Clerk);
        Assert.True(sameDay.Succeeded, string.Join(",", sameDay.Errors));
        Assert.Equal(receivedDay, sameDay.Complaint!.Subject.PurchaseDate);
    }

    [Fact]
    public async Task Only_intake_clerks_register()
    {
        await using var db = Database.CreateContext();
        var result = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), Driver.Outsider);
        Assert.Equal([IntakeError.NotPermitted], result.Errors.Select(e => e.Error));
    }

    [Fact]
    public async Task Seeding_twice_keeps_one_category_tree_and_its_routing()
    {
        await using var db = Database.CreateContext();
        var rules = await db.RoutingRules.CountAsync();
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
        Assert.Equal(CategoryCatalog.Seed.Count, await db.Categories.CountAsync());
        Assert.Equal(rules, await db.RoutingRules.CountAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData("photo.JPG", 1000, "image/jpeg")]
    [InlineData("call.mp3", 1000, "audio/mpeg")]
    [InlineData("invoice.pdf", EvidencePolicy.MaxSizeBytes, "application/pdf")]
    [InlineData("script.exe", 1000, null)]
    [InlineData("huge.pdf", EvidencePolicy.MaxSizeBytes + 1, null)]
    [InlineData("empty.png", 0, null)]
    public void Evidence_type_and_size_are_limited(string name, long size, string? expected) =>
        Assert.Equal(expected, EvidencePolicy.ContentTypeFor(name, size));
}
