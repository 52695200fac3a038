using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Validation;

/// <summary>Every value is checked where it enters the domain; a refused one leaves nothing behind.</summary>
public sealed class DomainDoorTests : CaseDatabaseTest
{
    [Fact]
    public async Task A_100000_character_description_is_refused_naming_the_field_and_nothing_is_stored()
    {
        await using var db = Database.CreateContext();
        var request = CaseDriver.SampleIntake() with { Description = new string('漏', 100_000) };

        var result = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(request, Driver.Clerk);

        var problem = Assert.Single(result.Errors);
        Assert.Equal(new IntakeProblem(IntakeError.TooLong, ComplaintIntake.Fields.Description, Complaint.TextMaxLength), problem);
        Assert.Equal(0, await db.Complaints.CountAsync());
        Assert.Equal(0, await db.LedgerEvents.CountAsync());
    }

    [Fact]
    public async Task A_control_character_in_the_complainant_name_is_refused()
    {
        await using var db = Database.CreateContext();
        var request = CaseDriver.SampleIntake() with { Complainant = new() { Name = "王\u0001小明", Phone = "138\n00" } };

        var result = await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(request, Driver.Clerk);

        Assert.Equal(
            [new(IntakeError.ControlCharacters, ComplaintIntake.Fields.Name), new(IntakeError.ControlCharacters, ComplaintIntake.Fields.Phone)],
            result.Errors);
    }

    [Fact]
    public async Task Assessment_with_undefined_urgency_or_severity_is_refused_and_the_case_is_unchanged()
    {
        var id = (await Driver.RegisterAsync()).Id;
        var category = Driver.CategoryId(CategoryCatalog.ProductQuality);

        var urgency = await Driver.TryAsync(id, WorkflowAction.Assess, new() { CategoryId = category, Severity = Severity.Minor, Urgency = (Urgency)(-1) }, Driver.Clerk);
        var severity = await Driver.TryAsync(id, WorkflowAction.Assess, new() { CategoryId = category, Severity = (Severity)99, Urgency = Urgency.Normal }, Driver.Clerk);

        Assert.Equal((WorkflowError.InputRefused, new FieldError("urgency", InputProblem.NotDefined)), (urgency.Error, urgency.Refused));
        Assert.Equal((WorkflowError.InputRefused, new FieldError("severity", InputProblem.NotDefined)), (severity.Error, severity.Refused));
        var after = await Driver.LoadAsync(id);
        Assert.Equal((CaseStage.Registered, 1, (Severity?)null), (after.Stage, after.Version, after.Severity));
    }

    [Fact]
    public async Task An_undefined_action_is_refused_not_thrown()
    {
        var id = (await Driver.RegisterAsync()).Id;
        var result = await Driver.TryAsync(id, (WorkflowAction)999, new(), Driver.Clerk);
        Assert.Equal(new FieldError("action", InputProblem.NotDefined), result.Refused);
    }

    [Fact]
    public async Task A_100000_character_note_is_refused_never_cut_and_the_ledger_is_untouched()
    {
        var id = (await Driver.RegisterAsync()).Id;
        await using var db = Database.CreateContext();
        var before = await db.LedgerEvents.CountAsync(e => e.ComplaintId == id);

        var result = await Driver.TryAsync(id, WorkflowAction.MarkInvalid, new() { Note = new string('注', 100_000) }, Driver.Clerk);

        Assert.Equal(new FieldError("note", InputProblem.TooLong, Complaint.TextMaxLength), result.Refused);
        Assert.Equal(before, await db.LedgerEvents.CountAsync(e => e.ComplaintId == id));
        Assert.Equal(CaseStage.Registered, (await Driver.LoadAsync(id)).Stage);
    }

    [Fact]
    public async Task A_note_at_the_limit_is_kept_whole_in_the_case_and_the_ledger()
    {
        var id = (await Driver.RegisterAsync()).Id;
        var note = new string('注', Complaint.TextMaxLength);

        await Driver.DoAsync(id, WorkflowAction.MarkInvalid, new() { Note = note }, Driver.Clerk);

        await using var db = Database.CreateContext();
        Assert.Equal(note, (await Driver.LoadAsync(id)).ClosureReason);
        Assert.Equal(note, await db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).Select(e => e.Note).LastAsync());
    }

    [Fact]
    public async Task The_store_refuses_what_a_forgetful_path_would_write_and_keeps_nothing_of_the_save()
    {
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { UserName = "bell", DisplayName = "响铃\u0007", DepartmentId = Driver.DepartmentId(DepartmentCatalog.Quality) });
            db.Departments.Add(new Department("NEW", "新部门", "新部門", "New", DepartmentKind.Operational));
            var ex = await Assert.ThrowsAsync<InputRefusedException>(() => db.SaveChangesAsync());
            Assert.Equal(new FieldError("PortalUser.DisplayName", InputProblem.ControlCharacters), Assert.Single(ex.Errors));
        }

        await using var check = Database.CreateContext();
        Assert.False(await check.Users.AnyAsync(u => u.UserName == "bell"));
        Assert.False(await check.Departments.AnyAsync(d => d.Code == "NEW"));
    }

    [Fact]
    public async Task The_store_refuses_an_undefined_enumeration_and_an_over_long_column()
    {
        var id = (await Driver.RegisterAsync()).Id;
        await using var db = Database.CreateContext();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        complaint.Severity = (Severity)99;
        complaint.ReplyText = new string('x', Complaint.TextMaxLength + 1);

        var ex = await Assert.ThrowsAsync<InputRefusedException>(() => db.SaveChangesAsync());

        Assert.Equal(
            [new("Complaint.ReplyText", InputProblem.TooLong, Complaint.TextMaxLength), new("Complaint.Severity", InputProblem.NotDefined)],
            ex.Errors.OrderBy(e => e.Field, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData(CaseRisk.Urgent | CaseRisk.Overdue, true)]
    [InlineData(CaseRisk.Urgent | CaseRisk.Reopened | CaseRisk.UnsatisfiedCallback | CaseRisk.ClosedWithLeadershipApproval, true)]
    [InlineData((CaseRisk)64, false)]
    [InlineData(CaseRisk.Urgent | (CaseRisk)64, false)]
    public void A_combination_of_flags_is_defined_and_an_unknown_bit_is_not(CaseRisk risk, bool defined) =>
        Assert.Equal(defined, TextRules.IsDefined(risk));

    [Fact]
    public void A_plain_enumeration_keeps_only_its_own_values() =>
        Assert.Equal([true, false], new[] { TextRules.IsDefined(Severity.Serious), TextRules.IsDefined((Severity)3 | Severity.Serious | (Severity)64) });
}
