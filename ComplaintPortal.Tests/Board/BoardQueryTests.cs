using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Board;

public sealed class BoardQueryTests : CaseDatabaseTest
{
    [Fact]
    public async Task Department_sees_only_cases_it_has_a_task_on_and_customer_service_sees_all()
    {
        var quality = await DispatchedAsync(DepartmentCatalog.Quality);
        var engineering = await DispatchedAsync(DepartmentCatalog.Engineering);
        var registered = await Driver.RegisterAsync();

        var qualityBoard = await OpenAsync(new BoardViewer(false, Driver.DepartmentId(DepartmentCatalog.Quality)));
        var clerkBoard = await OpenAsync(new BoardViewer(true, null));

        Assert.Equal([quality.Id], qualityBoard.Select(r => r.ComplaintId));
        Assert.Equal(new[] { quality.Id, engineering.Id, registered.Id }.Order(), clerkBoard.Select(r => r.ComplaintId).Order());
        Assert.Empty(await OpenAsync(new BoardViewer(false, null)));
    }

    [Fact]
    public async Task Closed_and_withdrawn_cases_leave_the_board()
    {
        var withdrawn = await Driver.CaseInStageAsync(CaseStage.Withdrawn);
        var open = await Driver.RegisterAsync();

        var rows = await OpenAsync(new BoardViewer(true, null));

        Assert.Contains(rows, r => r.ComplaintId == open.Id);
        Assert.DoesNotContain(rows, r => r.ComplaintId == withdrawn.Id);
    }

    [Fact]
    public async Task Next_deadline_is_the_earliest_unmet_one_and_its_policy_sets_due_soon()
    {
        var complaint = await DispatchedAsync(DepartmentCatalog.Quality);
        var next = (await UnmetDeadlinesAsync(complaint.Id)).OrderBy(d => d.DueAt).First();
        var viewer = new BoardViewer(true, null);
        var beforeDueSoon = next.DueSoonAt - TimeSpan.FromMinutes(1);

        var row = Assert.Single(await OpenAsync(viewer, now: beforeDueSoon));
        Assert.Equal(next.DueAt, row.NextDeadline);
        Assert.Equal(next.DueSoonAt, row.DueSoonAt);
        Assert.Equal(DeadlineState.OnTrack, row.DeadlineStateAt(beforeDueSoon));
        Assert.Equal(DeadlineState.DueSoon, row.DeadlineStateAt(next.DueSoonAt));
        Assert.Equal(DeadlineState.Overdue, row.DeadlineStateAt(next.DueAt));

        Assert.Empty(await OpenAsync(viewer, new BoardFilter { DueSoonOnly = true }, beforeDueSoon));
        Assert.Single(await OpenAsync(viewer, new BoardFilter { DueSoonOnly = true }, next.DueSoonAt));
        Assert.Empty(await OpenAsync(viewer, new BoardFilter { OverdueOnly = true }, next.DueSoonAt));
        Assert.Single(await OpenAsync(viewer, new BoardFilter { OverdueOnly = true }, next.DueAt));
    }

    [Fact]
    public async Task Met_deadlines_no_longer_count_down()
    {
        var complaint = await DispatchedAsync(DepartmentCatalog.Quality);
        var unmet = await UnmetDeadlinesAsync(complaint.Id);

        var row = Assert.Single(await OpenAsync(new BoardViewer(true, null)));

        // The first-response deadline was met by the acknowledgement, so it is not the one shown.
        Assert.Equal(unmet.Min(d => d.DueAt), row.NextDeadline);
        Assert.DoesNotContain(unmet, d => d.Kind == Domain.Deadlines.DeadlineKind.FirstResponse);
    }

    [Fact]
    public async Task A_board_longer_than_the_databases_parameter_limit_is_read_whole_and_in_order()
    {
        // The export reads up to 50,000 rows, and each id read is a parameter: at 1,000,000 cases the 47,000 open ones passed
        // SQLite's 32,766 and the export failed. Here the connection takes 40, and 60 open cases are read 20 ids at a time.
        for (var i = 0; i < 55; i++)
        {
            await Driver.RegisterAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            await DispatchedAsync(DepartmentCatalog.Quality);
        }

        var viewer = new BoardViewer(true, null);
        var now = Driver.Time.GetUtcNow();
        var whole = await OpenAsync(viewer);
        await using var db = Database.CreateContext();
        await db.Database.OpenConnectionAsync();
        SQLitePCL.raw.sqlite3_limit(((SqliteConnection)db.Database.GetDbConnection()).Handle, SQLitePCL.raw.SQLITE_LIMIT_VARIABLE_NUMBER, 40);

        var error = await Assert.ThrowsAsync<SqliteException>(() => new BoardQuery(db).OpenCasesAsync(viewer, BoardFilter.None, now, 100));
        Assert.Contains("too many SQL variables", error.Message, StringComparison.Ordinal);
        var read = await new BoardQuery(db) { IdsPerRead = 20 }.OpenCasesAsync(viewer, BoardFilter.None, now, 100);

        Assert.Equal(60, whole.Count);
        Assert.Equal(5, whole.Count(r => r.Tasks.Count > 0));
        Assert.Equal(whole.Select(r => (r.ComplaintId, r.CaseNumber, r.NextDeadline, r.Tasks.Count)), read.Select(r => (r.ComplaintId, r.CaseNumber, r.NextDeadline, r.Tasks.Count)));
    }

    private async Task<List<Domain.Deadlines.CaseDeadline>> UnmetDeadlinesAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return db.CaseDeadlines.Where(d => d.ComplaintId == complaintId && d.MetAt == null).ToList();
    }

    [Fact]
    public async Task Case_waiting_for_the_customer_shows_no_countdown()
    {
        var complaint = await DispatchedAsync(DepartmentCatalog.Quality);
        await Driver.DoAsync(complaint.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回产品" }, Driver.Clerk);

        var row = Assert.Single(await OpenAsync(new BoardViewer(true, null)));

        Assert.Equal(CaseStage.WaitingForCustomer, row.Stage);
        Assert.Null(row.NextDeadline);
    }

    [Fact]
    public async Task Filters_by_stage_priority_and_department()
    {
        var quality = await DispatchedAsync(DepartmentCatalog.Quality);
        var urgent = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(urgent, urgency: Urgency.Urgent);
        var viewer = new BoardViewer(true, null);

        Assert.Equal([quality.Id], (await OpenAsync(viewer, new BoardFilter { Stage = CaseStage.InDepartments })).Select(r => r.ComplaintId));
        Assert.Equal([urgent], (await OpenAsync(viewer, new BoardFilter { Priority = Priority.Urgent })).Select(r => r.ComplaintId));
        Assert.Equal([quality.Id], (await OpenAsync(viewer, new BoardFilter { DepartmentId = Driver.DepartmentId(DepartmentCatalog.Quality) })).Select(r => r.ComplaintId));
    }

    [Fact]
    public async Task Time_in_stage_starts_when_the_case_entered_its_stage()
    {
        var complaint = await Driver.RegisterAsync();
        await Driver.AssessAsync(complaint.Id);
        var assessedAt = (await LedgerTimesAsync(complaint.Id)).Last();
        await Driver.DoAsync(complaint.Id, WorkflowAction.RecordOtherOrganisation, new() { Note = "涉及物流公司" }, Driver.Clerk);

        var row = Assert.Single(await OpenAsync(new BoardViewer(true, null)));

        Assert.Equal(CaseStage.Assessed, row.Stage);
        Assert.Equal(assessedAt, row.StageEnteredAt);
    }

    private async Task<List<DateTimeOffset>> LedgerTimesAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return db.LedgerEvents.Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Sequence).Select(e => e.OccurredAt).ToList();
    }

    private async Task<Complaint> DispatchedAsync(string department)
    {
        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id);
        await Driver.AcknowledgeAsync(id);
        return await Driver.DispatchAsync(id, department);
    }

    private async Task<IReadOnlyList<BoardRow>> OpenAsync(BoardViewer viewer, BoardFilter? filter = null, DateTimeOffset? now = null)
    {
        await using var db = Database.CreateContext();
        return await new BoardQuery(db).OpenCasesAsync(viewer, filter ?? BoardFilter.None, now ?? Driver.Time.GetUtcNow());
    }
}
