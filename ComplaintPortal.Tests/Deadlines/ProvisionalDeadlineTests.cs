using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

/// <summary>Deadlines reaching a year without holidays are provisional until the year is entered or confirmed.</summary>
public sealed class ProvisionalDeadlineTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Deadline_reaching_a_year_without_holidays_is_provisional_and_moves_when_they_are_imported()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-30 10:00");
        var id = (await s.Driver.RegisterAsync()).Id;

        // 2027 unknown: Friday 1 January counts as a working day on the weekly pattern.
        var before = await s.DeadlinesAsync(id);
        Assert.Equal(("2026-12-31 18:00", false), Of(before, DeadlineKind.FirstResponse));
        Assert.Equal(("2027-01-04 18:00", true), Of(before, DeadlineKind.SolutionPlan));
        Assert.Equal(("2027-01-08 18:00", true), Of(before, DeadlineKind.Completion));

        await using (var db = s.Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-06,off,春节\n2027-02-14,work,春节调休上班\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "管理员", s.Driver.Time.GetUtcNow())).Succeeded);
        }

        // The save leaves the deadlines to the background re-computation.
        Assert.Equal(before.Select(d => (d.DueAt, d.IsProvisional)), (await s.DeadlinesAsync(id)).Select(d => (d.DueAt, d.IsProvisional)));
        Assert.Equal(1, await s.RecomputeProvisionalAsync());

        var after = await s.DeadlinesAsync(id);
        Assert.Equal(("2026-12-31 18:00", false), Of(after, DeadlineKind.FirstResponse));
        Assert.Equal(("2027-01-05 18:00", false), Of(after, DeadlineKind.SolutionPlan));
        Assert.Equal(("2027-01-11 18:00", false), Of(after, DeadlineKind.Completion));
        await using var check = s.Database.CreateContext();
        var lines = await check.LedgerEvents.Where(e => e.ComplaintId == id && e.Action == CaseDeadlines.LedgerAction).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, lines.Count);
        Assert.Contains("SolutionPlan (3d) 2027-01-04T10:00Z -> 2027-01-05T10:00Z", lines[0].Note, StringComparison.Ordinal);
        Assert.Contains("Completion (7d)", lines[1].Note, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal("管理员", l.ActorName));
    }

    [Fact]
    public async Task Task_deadline_moves_with_its_task_and_a_deadline_set_by_hand_is_never_provisional()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-24 10:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        var byHand = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(byHand);
        await s.Driver.AcknowledgeAsync(byHand);
        await s.Driver.DoAsync(byHand, Domain.Workflow.WorkflowAction.Dispatch,
            new() { DepartmentIds = [s.Driver.DepartmentId(DepartmentCatalog.Quality)], Deadline = SlaCalendars.Mainland.At("2027-01-06 12:00") }, s.Driver.Clerk);

        // 7 working days after Thursday 24 December on the weekly pattern: 25, 28–31 December, 1 and 4 January.
        Assert.Equal("2027-01-04 18:00", DeadlineScenario.Local(complaint.Tasks[0].Deadline));
        Assert.True((await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask).IsProvisional);
        Assert.False((await s.DeadlinesAsync(byHand)).Single(d => d.Kind == DeadlineKind.DepartmentTask).IsProvisional);

        await using (var db = s.Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-01-04,off,元旦\n2027-02-14,work,春节调休上班\n");
            await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "管理员", s.Driver.Time.GetUtcNow());
        }

        await s.RecomputeProvisionalAsync();
        var task = (await s.Driver.LoadAsync(id)).Tasks[0];
        Assert.Equal("2027-01-06 18:00", DeadlineScenario.Local(task.Deadline));
        Assert.Equal(task.Deadline, (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask).DueAt);
        Assert.Equal("2027-01-06 12:00", DeadlineScenario.Local((await s.Driver.LoadAsync(byHand)).Tasks[0].Deadline));
    }

    [Fact]
    public async Task Year_with_holidays_but_no_make_up_days_stays_provisional_until_an_administrator_confirms_it()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using (var db = s.Database.CreateContext())
        {
            var values = new SlaPolicyValues(Priority.General, s.Driver.CategoryId(CategoryCatalog.Service), "TW",
                SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(7), 20);
            Assert.Equal(SlaPolicySaveResult.Saved, await new SlaPolicyBook(db).SaveAsync(null, values, "u-admin", "admin", s.Driver.Time.GetUtcNow()));
        }

        s.SetLocal("2026-12-30 10:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id, CategoryCatalog.Service);
        await using var db2 = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db2, WorkingCalendarCache.Shared);
        Assert.Equal(CalendarYearConfirmation.NoHolidays, await book.ConfirmYearAsync("TW", 2027, "admin", s.Driver.Time.GetUtcNow()));
        Assert.Equal(CalendarYearConfirmation.AlreadyFinal, await book.ConfirmYearAsync("TW", 2026, "admin", s.Driver.Time.GetUtcNow()));
        Assert.True((await book.ImportHolidaysAsync("TW", 2027, Encoding.UTF8.GetBytes("2027-01-01,off,開國紀念日\n"), "admin", s.Driver.Time.GetUtcNow())).Succeeded);

        // Holidays known, but without make-up days the calendar cannot tell the year is complete.
        await s.RecomputeProvisionalAsync();
        var imported = await s.DeadlinesAsync(id);
        Assert.Equal(("2027-01-05 17:30", true), Of(imported, DeadlineKind.SolutionPlan, SlaCalendars.Taiwan));

        Assert.Equal(CalendarYearConfirmation.Confirmed, await book.ConfirmYearAsync("TW", 2027, "admin", s.Driver.Time.GetUtcNow()));
        await s.RecomputeProvisionalAsync();

        var confirmed = await s.DeadlinesAsync(id);
        Assert.Equal(("2027-01-05 17:30", false), Of(confirmed, DeadlineKind.SolutionPlan, SlaCalendars.Taiwan));
        Assert.All(confirmed, d => Assert.False(d.IsProvisional));
        Assert.Equal(CalendarYearStatus.Final, (await WorkingCalendarCache.Shared.GetAsync(db2, "TW")).StatusOf(2027));
    }

    [Fact]
    public async Task Re_computation_reports_each_case_marks_the_calendar_done_and_a_second_pass_finds_nothing()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-30 10:00");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await s.Driver.RegisterAsync()).Id);
        }

        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        Assert.Empty(await book.AwaitingRecomputationAsync());
        var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-14,work,春节调休上班\n");
        Assert.True((await book.ImportHolidaysAsync("CN", 2027, csv, "管理员", s.Driver.Time.GetUtcNow())).Succeeded);
        Assert.Equal(["CN"], (await book.AwaitingRecomputationAsync()).Select(c => c.Code));

        var reports = new ProgressReports();
        Assert.Equal(1, await s.RecomputeProvisionalAsync(reports));

        // Told after each save of up to CasesPerSave cases, then once the calendar is marked done.
        Assert.Equal([new("CN", 0, 3), new("CN", 3, 3), new ProvisionalProgress("CN", 3, 3, Finished: true)], reports.Seen);
        Assert.Empty(await book.AwaitingRecomputationAsync());
        foreach (var id in ids)
        {
            Assert.All(await s.DeadlinesAsync(id), d => Assert.False(d.IsProvisional));
        }

        var lines = await db.LedgerEvents.CountAsync(e => e.Action == CaseDeadlines.LedgerAction);
        Assert.Equal(6, lines);

        Assert.Equal(0, await s.RecomputeProvisionalAsync());
        Assert.Equal(lines, await db.LedgerEvents.CountAsync(e => e.Action == CaseDeadlines.LedgerAction));
    }

    [Fact]
    public async Task Calendar_saved_again_during_its_re_computation_stays_pending_and_the_next_pass_uses_the_new_days()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-30 10:00");
        var first = (await s.Driver.RegisterAsync()).Id;
        var second = (await s.Driver.RegisterAsync()).Id;
        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        // Holidays without make-up days: the year stays provisional until it is confirmed.
        Assert.True((await book.ImportHolidaysAsync("CN", 2027, Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n"), "管理员", s.Driver.Time.GetUtcNow())).Succeeded);

        // An administrator confirms the year while the first cases are being re-computed.
        var reports = new ProgressReports(p =>
        {
            if (p is { Done: 0, Finished: false })
            {
                using var other = s.Database.CreateContext();
                var confirmed = new WorkingCalendarBook(other, WorkingCalendarCache.Shared).ConfirmYearAsync("CN", 2027, "管理员", s.Driver.Time.GetUtcNow());
                Assert.Equal(CalendarYearConfirmation.Confirmed, confirmed.GetAwaiter().GetResult());
            }
        });
        await s.RecomputeProvisionalAsync(reports);

        Assert.Equal(["CN"], (await book.AwaitingRecomputationAsync()).Select(c => c.Code));
        Assert.True((await s.DeadlinesAsync(second)).Single(d => d.Kind == DeadlineKind.Completion).IsProvisional);

        Assert.Equal(1, await s.RecomputeProvisionalAsync());

        Assert.Empty(await book.AwaitingRecomputationAsync());
        Assert.All(await s.DeadlinesAsync(first), d => Assert.False(d.IsProvisional));
        Assert.Equal(("2027-01-11 18:00", false), Of(await s.DeadlinesAsync(second), DeadlineKind.Completion));
    }

    [Fact]
    public async Task A_case_someone_acts_on_during_a_batch_costs_the_batch_a_second_pass_case_by_case_and_loses_nothing()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-30 10:00");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await s.Driver.RegisterAsync()).Id);
        }

        await using (var db = s.Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-14,work,春节调休上班\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).ImportHolidaysAsync("CN", 2027, csv, "管理员", s.Driver.Time.GetUtcNow())).Succeeded);
        }

        // Someone else saves the second case just before the batch's save (its version moves on).
        var other = new ConcurrentSaveBefore(s.Database.ConnectionString, ids[1]);
        await using (var db = s.Database.CreateContext(other))
        {
            Assert.Equal(1, await new ProvisionalDeadlines(db, WorkingCalendarCache.Shared).RecomputePendingAsync(s.Driver.Time.GetUtcNow()));
        }

        // One batch refused, then each of the three cases on its own.
        Assert.Equal((4, 3), (other.Tried, other.Done));
        await using var check = s.Database.CreateContext();
        foreach (var id in ids)
        {
            Assert.All(await s.DeadlinesAsync(id), d => Assert.False(d.IsProvisional));
            Assert.Equal(2, await check.LedgerEvents.CountAsync(e => e.ComplaintId == id && e.Action == CaseDeadlines.LedgerAction));
        }
    }

    [Fact]
    public async Task Calendars_lacking_next_years_holidays_are_listed_from_the_first_of_November()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);

        Assert.Empty(await book.YearsLackingHolidaysAsync(SlaCalendars.Mainland.At("2026-10-31 23:59"), Shanghai));
        var november = await book.YearsLackingHolidaysAsync(SlaCalendars.Mainland.At("2026-11-01 00:00"), Shanghai);
        Assert.Equal([("CN", 2027, CalendarYearStatus.NoHolidays), ("TW", 2027, CalendarYearStatus.NoHolidays)],
            november.Select(g => (g.Code, g.Year, g.Status)));

        var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-14,work,春节调休上班\n");
        await book.ImportHolidaysAsync("CN", 2027, csv, "admin", s.Driver.Time.GetUtcNow());

        Assert.Equal(["TW"], (await book.YearsLackingHolidaysAsync(SlaCalendars.Mainland.At("2026-12-01 09:00"), Shanghai)).Select(g => g.Code));
    }

    [Fact]
    public void Year_status_tells_known_unknown_and_unconfirmed_years_apart()
    {
        var taiwanUnconfirmed = WorkingCalendar.Create(CalendarSeeds.Taiwan2026 with { ConfirmedYears = [] });

        Assert.Equal(CalendarYearStatus.Final, SlaCalendars.Mainland.StatusOf(2026));
        Assert.Equal(CalendarYearStatus.NoHolidays, SlaCalendars.Mainland.StatusOf(2027));
        Assert.Equal(CalendarYearStatus.Final, SlaCalendars.Taiwan.StatusOf(2026));
        Assert.Equal(CalendarYearStatus.AwaitingConfirmation, taiwanUnconfirmed.StatusOf(2026));
        Assert.Equal(CalendarYearStatus.Final, SlaCalendars.RoundTheClock.StatusOf(2031));
        Assert.True(SlaCalendars.Mainland.IsProvisionalBetween(SlaCalendars.Mainland.At("2026-12-30 10:00"), SlaCalendars.Mainland.At("2027-01-04 18:00")));
        Assert.False(SlaCalendars.Mainland.IsProvisionalBetween(SlaCalendars.Mainland.At("2026-12-30 10:00"), SlaCalendars.Mainland.At("2026-12-31 18:00")));
    }

    /// <summary>Before the first save it sees, another connection saves the case (its version moves on); counts saves tried and done.</summary>
    private sealed class ConcurrentSaveBefore(string connectionString, int complaintId) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public int Tried { get; private set; }

        public int Done { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Tried++ == 0)
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var bump = connection.CreateCommand();
                bump.CommandText = "UPDATE Complaints SET Version = Version + 1 WHERE Id = $id";
                bump.Parameters.AddWithValue("$id", complaintId);
                await bump.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }

        public override ValueTask<int> SavedChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Done++;
            return ValueTask.FromResult(result);
        }
    }

    private sealed class ProgressReports(Action<ProvisionalProgress>? onReport = null) : IProgress<ProvisionalProgress>
    {
        public List<ProvisionalProgress> Seen { get; } = [];

        public void Report(ProvisionalProgress value)
        {
            Seen.Add(value);
            onReport?.Invoke(value);
        }
    }

    private static (string Due, bool Provisional) Of(List<CaseDeadline> deadlines, DeadlineKind kind, WorkingCalendar? calendar = null)
    {
        var d = deadlines.Single(x => x.Kind == kind);
        return ((calendar ?? SlaCalendars.Mainland).Local(d.DueAt), d.IsProvisional);
    }
}
