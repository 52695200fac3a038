using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>Improvement actions raised from the statistics' hot spots, tracked from raised to verified.</summary>
public sealed class ImprovementActionTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private Improvements Service(Domain.Persistence.PortalDbContext db) => new(db, Driver.Time);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime);

    private ImprovementDraft Draft(string? title = "电水壶 XP-200 密封圈来料复检", int? department = null, int days = 14, string? plan = "更换供应商，来料逐批耐温检验") =>
        new(title, "2026/3/1 至 2026/3/31 · 产品较上期增加最多 · 电水壶 XP-200 +3", "/reports/statistics?period=Month&year=2026&number=3",
            department ?? Driver.DepartmentId(DepartmentCatalog.Quality), Today.AddDays(days), plan);

    private async Task<ImprovementAction> RaisedAsync()
    {
        await using var db = Database.CreateContext();
        var result = await Service(db).RaiseAsync(Draft(), Driver.Leader, Shanghai);
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Action!;
    }

    [Fact]
    public async Task Leadership_raises_an_action_for_a_department_and_its_head_reports_it_done_and_leadership_verifies_it()
    {
        var raised = await RaisedAsync();
        Assert.Equal((ImprovementStatus.Open, "电水壶 XP-200 密封圈来料复检", "/reports/statistics?period=Month&year=2026&number=3"),
            (raised.Status, raised.Title, raised.StatisticsAddress));
        var head = Driver.HeadOf(DepartmentCatalog.Quality);

        await using var db = Database.CreateContext();
        var service = Service(db);
        var done = await service.ReportDoneAsync(raised.Id, raised.Version, "已更换供应商，三批来料检验合格", head);
        Assert.True(done.Succeeded, done.Error.ToString());
        Assert.Equal((ImprovementStatus.Done, "已更换供应商，三批来料检验合格", head.Name), (done.Action!.Status, done.Action.DoneNote, done.Action.DoneByName));

        var verified = await service.VerifyAsync(raised.Id, done.Action.Version, Driver.Outsider);
        Assert.True(verified.Succeeded, verified.Error.ToString());
        Assert.Equal((ImprovementStatus.Verified, Driver.Outsider.Name), (verified.Action!.Status, verified.Action.VerifiedByName));
        // Closed stays closed.
        Assert.Equal(ImprovementError.WrongState, (await service.SendBackAsync(raised.Id, verified.Action.Version, "再看看", Driver.Leader)).Error);
    }

    [Fact]
    public async Task A_report_sent_back_reopens_the_action_with_the_reason_and_its_date_stands()
    {
        var raised = await RaisedAsync();
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await using var db = Database.CreateContext();
        var service = Service(db);
        var done = await service.ReportDoneAsync(raised.Id, raised.Version, "已处理", head);

        var back = await service.SendBackAsync(raised.Id, done.Action!.Version, "未附检验记录", Driver.Leader);

        Assert.True(back.Succeeded);
        Assert.Equal((ImprovementStatus.Open, "未附检验记录", raised.DueDate), (back.Action!.Status, back.Action.ReturnReason, back.Action.DueDate));
        // A send-back without a reason is refused on its field.
        var again = await service.ReportDoneAsync(raised.Id, back.Action.Version, "已补检验记录", head);
        var silent = await service.SendBackAsync(raised.Id, again.Action!.Version, "  ", Driver.Leader);
        Assert.Equal((ImprovementError.InputRefused, Improvements.Fields.Note, ImprovementProblem.Required),
            (silent.Error, silent.Refused?.Field, silent.Refused?.Problem));
    }

    [Theory]
    [InlineData(null, null, 14, "计划", "title", ImprovementProblem.Required)]
    [InlineData("事项", null, -1, "计划", "dueDate", ImprovementProblem.DateInPast)]
    [InlineData("事项", null, 400, "计划", "dueDate", ImprovementProblem.DateTooFar)]
    [InlineData("事项", null, 14, " ", "plan", ImprovementProblem.Required)]
    [InlineData("事项\n第二行", null, 14, "计划", "title", ImprovementProblem.Text)]
    public async Task A_raise_missing_or_refusing_a_value_is_refused_on_its_field_and_nothing_is_stored(string? title, int? department, int days, string? plan,
        string field, ImprovementProblem problem)
    {
        await using var db = Database.CreateContext();

        var result = await Service(db).RaiseAsync(Draft(title, department, days, plan), Driver.Leader, Shanghai);

        Assert.Equal((ImprovementError.InputRefused, field, problem), (result.Error, result.Refused?.Field, result.Refused?.Problem));
        Assert.Empty(db.ImprovementActions);
    }

    [Fact]
    public async Task An_action_goes_only_to_a_department_that_receives_work()
    {
        await using var db = Database.CreateContext();

        var result = await Service(db).RaiseAsync(Draft(department: Driver.DepartmentId(DepartmentCatalog.Leadership)), Driver.Leader, Shanghai);

        Assert.Equal((Improvements.Fields.Department, ImprovementProblem.DepartmentReceivesNoWork), (result.Refused?.Field, result.Refused?.Problem));
    }

    [Fact]
    public async Task Only_leadership_and_the_committee_raise_and_verify_only_the_owning_head_reports_and_others_see_nothing()
    {
        var raised = await RaisedAsync();
        await using var db = Database.CreateContext();
        var service = Service(db);

        Assert.Equal(ImprovementError.NotPermitted, (await service.RaiseAsync(Draft(), Driver.HeadOf(DepartmentCatalog.Quality), Shanghai)).Error);
        Assert.Equal(ImprovementError.NotPermitted, (await service.RaiseAsync(Draft(), Driver.Clerk, Shanghai)).Error);
        // The department's handler sees it but may not report it; another department's head finds nothing.
        Assert.Equal(ImprovementError.NotPermitted,
            (await service.ReportDoneAsync(raised.Id, raised.Version, "完成", Driver.HandlerOf(DepartmentCatalog.Quality))).Error);
        Assert.Equal(ImprovementError.NotFound,
            (await service.ReportDoneAsync(raised.Id, raised.Version, "完成", Driver.HeadOf(DepartmentCatalog.Engineering))).Error);
        async Task<int> SeenBy(Domain.Workflow.ActingUser viewer) =>
            (await service.PageAsync(viewer, null, false, Shanghai, ImprovementOrder.DueDate, false, 0, 10)).Total;
        Assert.Equal((1, 1, 1, 0, 0), (await SeenBy(Driver.Leader), await SeenBy(Driver.Outsider), await SeenBy(Driver.HandlerOf(DepartmentCatalog.Quality)),
            await SeenBy(Driver.HeadOf(DepartmentCatalog.Engineering)), await SeenBy(Driver.Clerk)));
        // A stale version is a conflict, never a silent overwrite.
        var done = await service.ReportDoneAsync(raised.Id, raised.Version, "完成", Driver.HeadOf(DepartmentCatalog.Quality));
        Assert.True(done.Succeeded);
        Assert.Equal(ImprovementError.ConcurrencyConflict, (await service.VerifyAsync(raised.Id, raised.Version, Driver.Leader)).Error);
    }

    [Fact]
    public async Task The_list_finds_the_overdue_ones_by_the_organisation_s_date()
    {
        var raised = await RaisedAsync();
        await using var db = Database.CreateContext();
        var service = Service(db);
        Assert.Equal(0, (await service.PageAsync(Driver.Leader, null, true, Shanghai, ImprovementOrder.DueDate, false, 0, 10)).Total);

        Driver.Time.Advance(TimeSpan.FromDays(15));

        var (rows, total) = await service.PageAsync(Driver.Leader, null, true, Shanghai, ImprovementOrder.DueDate, false, 0, 10);
        Assert.Equal((1, raised.Id), (total, rows.Single().Id));
        Assert.Equal(1, (await service.PageAsync(Driver.Leader, ImprovementStatus.Open, false, Shanghai, ImprovementOrder.DueDate, false, 0, 10)).Total);
        Assert.Equal(0, (await service.PageAsync(Driver.Leader, ImprovementStatus.Done, false, Shanghai, ImprovementOrder.DueDate, false, 0, 10)).Total);
    }

    [Fact]
    public async Task The_history_keeps_every_step_with_its_words_where_the_action_keeps_only_the_latest()
    {
        var raised = await RaisedAsync();
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            var service = Service(db);
            var done = await service.ReportDoneAsync(raised.Id, raised.Version, "已处理", head);
            var back = await service.SendBackAsync(raised.Id, done.Action!.Version, "未附检验记录", Driver.Leader);
            var again = await service.ReportDoneAsync(raised.Id, back.Action!.Version, "已补检验记录", head);
            var second = await service.SendBackAsync(raised.Id, again.Action!.Version, "检验记录缺签字", Driver.Outsider);
            Assert.Equal("检验记录缺签字", second.Action!.ReturnReason);
        }

        Driver.Time.Advance(TimeSpan.FromDays(20));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ImprovementMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow(), Shanghai));
        }

        await using var read = Database.CreateContext();
        var history = await Service(read).HistoryAsync(raised.Id, Driver.HandlerOf(DepartmentCatalog.Quality));
        Assert.Equal([
                (ImprovementEvent.Raised, Driver.Leader.Name, "更换供应商，来料逐批耐温检验"),
                (ImprovementEvent.ReportedDone, head.Name, "已处理"),
                (ImprovementEvent.SentBack, Driver.Leader.Name, "未附检验记录"),
                (ImprovementEvent.ReportedDone, head.Name, "已补检验记录"),
                (ImprovementEvent.SentBack, Driver.Outsider.Name, "检验记录缺签字"),
                (ImprovementEvent.Overdue, "", (string?)null),
            ],
            history.Select(e => (e.What, e.ByName, e.Note)));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));
        // Another department's head sees none of it.
        Assert.Empty(await Service(read).HistoryAsync(raised.Id, Driver.HeadOf(DepartmentCatalog.Engineering)));
    }
}
