using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>
/// A work note (工作备注): the people on a case write on its record at any stage while it is open, and nothing else about the
/// case moves: stage, tasks and time limits stay as they were.
/// </summary>
public sealed class WorkNoteTests : CaseDatabaseTest
{
    [Fact]
    public async Task A_department_handler_notes_on_the_record_and_the_stage_tasks_and_time_limits_stay()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quality = Driver.HandlerOf(DepartmentCatalog.Quality);
        var before = await StateAsync(complaint.Id);

        var noted = await Driver.DoAsync(complaint.Id, WorkflowAction.AddNote, new() { Note = "已约客户周五上门取样\n客户只接受下午来电" }, quality);

        Assert.Equal(before, await StateAsync(complaint.Id));
        Assert.Equal(CaseStage.InDepartments, noted.Stage);
        Assert.Equal(complaint.Version + 1, noted.Version);
        await using var db = Database.CreateContext();
        var last = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal((nameof(WorkflowAction.AddNote), "已约客户周五上门取样\n客户只接受下午来电", quality.UserId, quality.DepartmentId),
            (last.Action, last.Note, last.ActorUserId, last.DepartmentId));
        Assert.Equal((nameof(CaseStage.InDepartments), nameof(CaseStage.InDepartments)), (last.FromStage, last.ToStage));
    }

    [Fact]
    public async Task Customer_service_and_leadership_note_too_even_while_the_case_waits_for_the_customer()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.WaitingForCustomer);

        await Driver.DoAsync(complaint.Id, WorkflowAction.AddNote, new() { Note = "客户来电询问进度" }, Driver.Clerk);
        var noted = await Driver.DoAsync(complaint.Id, WorkflowAction.AddNote, new() { Note = "请质量部本周内给出结论" }, Driver.Leader);

        Assert.Equal(CaseStage.WaitingForCustomer, noted.Stage);
        Assert.NotNull(noted.PausedAt);
    }

    [Fact]
    public async Task A_blank_note_a_department_without_a_task_and_a_closed_case_are_refused_and_change_nothing()
    {
        var open = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);

        var blank = await Driver.TryAsync(open.Id, WorkflowAction.AddNote, new() { Note = "  " }, Driver.Clerk);
        var noTask = await Driver.TryAsync(open.Id, WorkflowAction.AddNote, new() { Note = "看一下" }, Driver.HandlerOf(DepartmentCatalog.Sales));
        var outsider = await Driver.TryAsync(open.Id, WorkflowAction.AddNote, new() { Note = "看一下" }, Driver.Outsider);
        var afterClose = await Driver.TryAsync(closed.Id, WorkflowAction.AddNote, new() { Note = "补记" }, Driver.Clerk);

        Assert.Equal(
            (WorkflowError.NoteRequired, WorkflowError.NotPermitted, WorkflowError.NotPermitted, WorkflowError.WrongStage),
            (blank.Error, noTask.Error, outsider.Error, afterClose.Error));
        Assert.Equal(open.Version, (await Driver.LoadAsync(open.Id)).Version);
        await using var db = Database.CreateContext();
        Assert.False(await db.LedgerEvents.AnyAsync(e => e.Action == nameof(WorkflowAction.AddNote)));
    }

    [Fact]
    public async Task A_note_tells_the_people_chosen_on_the_case_not_its_writer_and_refuses_anyone_not_on_the_case()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        await using (var db = Database.CreateContext())
        {
            // Whoever recorded the case is on it too (the driver's clerk has no account of its own otherwise).
            db.Users.Add(new PortalUser { Id = Driver.Clerk.UserId, UserName = "clerk", DisplayName = Driver.Clerk.Name, DepartmentId = Driver.Clerk.DepartmentId });
            await db.SaveChangesAsync();
        }

        var quality = Driver.HandlerOf(DepartmentCatalog.Quality);
        var production = Driver.HandlerOf(DepartmentCatalog.Production);
        var sales = Driver.HandlerOf(DepartmentCatalog.Sales);

        var crowd = await Driver.TryAsync(complaint.Id, WorkflowAction.AddNote,
            new() { Note = "看一下", NotifyUserIds = [.. Enumerable.Range(0, WorkflowInputRules.MaxNotified + 1).Select(i => "u" + i)] }, quality);
        Assert.Equal((WorkflowError.InputRefused, WorkflowInputRules.Fields.Notify), (crowd.Error, crowd.Refused?.Field));
        var outsider = await Driver.TryAsync(complaint.Id, WorkflowAction.AddNote, new() { Note = "看一下", NotifyUserIds = [production.UserId, sales.UserId] }, quality);
        var unknown = await Driver.TryAsync(complaint.Id, WorkflowAction.AddNote, new() { Note = "看一下", NotifyUserIds = ["nobody"] }, quality);
        Assert.Equal((WorkflowError.RecipientNotOnCase, WorkflowError.RecipientNotOnCase), (outsider.Error, unknown.Error));
        await Driver.DoAsync(complaint.Id, WorkflowAction.AddNote,
            new() { Note = "样品已收到\n请客服回电客户", NotifyUserIds = [Driver.Clerk.UserId, production.UserId, quality.UserId, production.UserId] }, quality);

        await using var check = Database.CreateContext();
        var told = await check.Notifications.Where(n => n.Kind == Domain.Notifications.NotificationKind.WorkNote).OrderBy(n => n.RecipientUserId).ToListAsync();
        // Each once, and not the writer.
        Assert.Equal(new[] { production.UserId, Driver.Clerk.UserId }.Order(StringComparer.Ordinal), told.Select(n => n.RecipientUserId!).Order(StringComparer.Ordinal));
        var line = await check.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderByDescending(e => e.Sequence).Select(e => e.Note).FirstAsync();
        var (names, note) = WorkNotes.Read(line!);
        Assert.Equal([Driver.Clerk.Name, "handler PROD"], names);
        Assert.Equal("样品已收到\n请客服回电客户", note);
        // A note that told nobody, or one written before notes could tell, reads whole.
        var (none, plain) = WorkNotes.Read("a; b");
        Assert.Empty(none);
        Assert.Equal("a; b", plain);
        Assert.All(told, n => Assert.Equal((complaint.CaseNumber + ": " + ChaseNotices.Text(quality.Name, "样品已收到\n请客服回电客户"), complaint.Id),
            (n.Text, n.ComplaintId)));
    }

    /// <summary>What a note must leave alone: the stage, each task's status and owner, each time limit and whether it is met.</summary>
    private async Task<string> StateAsync(int id)
    {
        await using var db = Database.CreateContext();
        var complaint = await db.Complaints.Include(c => c.Tasks).SingleAsync(c => c.Id == id);
        var deadlines = await db.CaseDeadlines.Where(d => d.ComplaintId == id).OrderBy(d => d.Id).ToListAsync();
        return string.Join(" | ", [
            complaint.Stage.ToString(),
            .. complaint.Tasks.OrderBy(t => t.Id).Select(t => $"{t.DepartmentId} {t.Status} {t.OwnerUserId} {t.Deadline:O}"),
            .. deadlines.Select(d => $"{d.Kind} {d.DueAt:O} {d.IsMet}"),
        ]);
    }
}
