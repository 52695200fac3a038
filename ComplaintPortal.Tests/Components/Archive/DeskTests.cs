using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The clerk's desk over a real database: the queues follow the archive live; revoking is confirmed in a dialog that asks why.</summary>
public sealed class DeskTests : CaseDatabaseTest
{
    private readonly ArchiveFeed feed = new();
    // Another instance's job is read from its lease this often (5 s in the portal).
    private readonly ArchiveOptions options = new() { LeaseInterval = TimeSpan.FromMilliseconds(100) };
    private readonly ActingUser clerk = new("u-desk-clerk", "档案员 孙丽", null, new HashSet<string> { PortalRoles.ArchiveClerk });

    private CasePageContext NewContext(string culture = "zh-Hans")
    {
        var context = new CasePageContext(culture, Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddSingleton(options);
            services.AddScoped<ArchiveAccess>();
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveDisposals>();
            services.AddScoped<ArchiveInspector>();
            services.AddScoped<Archiver>();
            services.AddScoped<ArchiveViewers>();
            services.AddSingleton<ArchiveJobGate>();
            services.AddSingleton<ArchiveDeskJobs>();
            services.AddHttpContextAccessor();
        });
        context.SignInAs(clerk);
        return context;
    }

    private async Task AddClerkAccountAsync()
    {
        await using var db = Database.CreateContext();
        db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "desk.clerk", DisplayName = clerk.Name });
        await db.SaveChangesAsync();
    }

    private async Task<string> ArchivedNumberAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var db = Database.CreateContext();
        await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        return db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
    }

    private async Task<ArchiveAccessRequest> RequestAsync(string number, bool approve)
    {
        await using var db = Database.CreateContext();
        var access = new ArchiveAccess(db, Driver.Time, feed);
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await access.RequestAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "质量追溯", new AccessScope([number], null, null, null), now, now.AddDays(2));
        if (approve)
        {
            await access.ApproveAsync(Driver.Leader, request!.Id, null, null, null, null);
        }

        return request!;
    }

    [Fact]
    public async Task An_approved_loan_counts_down_to_its_end_and_once_over_says_how_long_the_files_are_overdue()
    {
        await AddClerkAccountAsync();
        var request = await RequestAsync(await ArchivedNumberAsync(), approve: true);
        await using var context = NewContext();

        var page = context.RenderPage<Desk>();

        var row = page.WaitForElement($"[data-test=desk-requests] [data-request='{request.Id}']").Closest("tr")!;
        var countdown = row.QuerySelector("[data-test=request-countdown] portal-countdown")!;
        Assert.StartsWith("剩余", countdown.TextContent, StringComparison.Ordinal);
        Assert.Equal(request.RequestedUntil.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), countdown.GetAttribute("due"));
        // Nothing counts down on a request still waiting for the leader.
        var waiting = await RequestAsync((await ArchivedNumberAsync()), approve: false);
        Driver.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        await using var later = NewContext();
        var again = later.RenderPage<Desk>();

        var overdue = again.WaitForElement($"[data-test=desk-requests] [data-request='{request.Id}']").Closest("tr")!;
        Assert.Contains("已到期未归还", overdue.QuerySelector("[data-test=request-status]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("已超期", overdue.QuerySelector("[data-test=request-countdown] portal-countdown")!.TextContent, StringComparison.Ordinal);
        // The tabs count them: one waiting, one on loan and late.
        Assert.Equal(["全部 (2)", "待审批 (1)", "借阅中 (1)", "已到期未归还 (1)", "已结束 (0)"], again.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        // Nothing counts down on a request still waiting for the leader (the tab of those waiting).
        again.FindAll(".mud-tab")[1].Click();
        var pending = again.WaitForElement($"[data-test=desk-requests] [data-request='{waiting.Id}']").Closest("tr")!;
        Assert.Contains("待审批", pending.QuerySelector("[data-test=request-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pending.QuerySelector("[data-test=request-countdown]"));
        Assert.Empty(again.FindAll($"[data-test=desk-requests] [data-request='{request.Id}']"));
    }

    [Fact]
    public async Task Desk_actions_wrap_whole_onto_a_second_line_on_a_narrow_screen()
    {
        await AddClerkAccountAsync();
        await using var context = NewContext();

        var page = context.RenderPage<Desk>();

        var actions = page.WaitForElement("[data-test=inspect-now]").ParentElement!;
        Assert.Equal(3, actions.QuerySelectorAll("button").Length);
        Assert.Contains("flex-wrap", actions.ClassList);
    }

    [Fact]
    public async Task The_schedule_line_counts_its_days_in_the_right_english_form()
    {
        await AddClerkAccountAsync();
        options.QuietPeriod = TimeSpan.FromDays(1);
        await using (var context = NewContext("en"))
        {
            var help = context.RenderPage<Desk>().WaitForElement("[data-test=desk-jobs-help]").TextContent;
            Assert.Contains("(cases closed 1 day or more ago)", help, StringComparison.Ordinal);
            Assert.Contains("the inspection every 7 days,", help, StringComparison.Ordinal);
        }

        await using (var context = NewContext())
        {
            Assert.Contains("每小时归档结案满 1 天的案件", context.RenderPage<Desk>().WaitForElement("[data-test=desk-jobs-help]").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_inspection_runs_in_the_background_with_its_progress_on_the_desk_and_tells_the_clerk_how_it_ended()
    {
        await AddClerkAccountAsync();
        await ArchivedNumberAsync();
        await using var context = NewContext();
        var jobs = context.Services.GetRequiredService<ArchiveDeskJobs>();
        var page = context.RenderPage<Desk>();
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-test=inspect-now]").GetAttribute("disabled")));
        Assert.Empty(page.FindAll("[data-test=desk-job]"));

        // Once the job holds the archive's lease (seen on the job's own thread, at its start or its first report), another
        // connection takes the database's write lock, so the inspection stops at its last step, saving what it found.
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection(Database.ConnectionString))
        {
            await holder.OpenAsync();
            var locked = 0;
            void LockOnceStarted()
            {
                if (Volatile.Read(ref locked) == 1 || jobs.Running is not { Waiting: false })
                {
                    return;
                }

                using (var lease = holder.CreateCommand())
                {
                    lease.CommandText = "SELECT count(*) FROM JobLeases WHERE Holder IS NOT NULL";
                    if (Convert.ToInt32(lease.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                    {
                        return;
                    }
                }

                if (Interlocked.Exchange(ref locked, 1) == 0)
                {
                    using var begin = holder.CreateCommand();
                    begin.CommandText = "BEGIN IMMEDIATE";
                    begin.ExecuteNonQuery();
                }
            }

            jobs.Changed += LockOnceStarted;
            await page.InvokeAsync(() => page.Find("[data-test=inspect-now]").Click());

            page.WaitForAssertion(() => Assert.Equal("Inspect", page.Find("[data-test=desk-job]").GetAttribute("data-job")));
            // Counted first, then file by file (told at most every quarter second): "0 / 1" or "1 / 1" by now.
            page.WaitForAssertion(() => Assert.Matches("正在检查：已检查 [01] / 1 份档案。由 档案员 孙丽 于 ", page.Find("[data-test=desk-job]").TextContent));
            Assert.Contains("可以离开本页，作业会继续。", page.Find("[data-test=desk-job]").TextContent, StringComparison.Ordinal);
            Assert.All(page.FindAll("[data-test=archive-now], [data-test=list-due], [data-test=inspect-now]"), b => Assert.NotNull(b.GetAttribute("disabled")));
            // One job at a time, whoever asks.
            Assert.False(jobs.TryStart(DeskJob.Archive, clerk));

            jobs.Changed -= LockOnceStarted;
            Assert.Equal(1, locked);
            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await jobs.Completion;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=desk-job]")));
        page.WaitForAssertion(() => Assert.Contains("检查完成。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Contains("档案员 孙丽：检查 1 份档案，0 份受损", page.Find("[data-test=inspection-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(new DeskJobOutcome(false, 0, Driver.Time.GetUtcNow()), jobs.Last!.Outcome);
        Assert.Null(page.Find("[data-test=inspect-now]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task Approved_disposals_the_job_did_not_finish_are_carried_out_from_the_desk_and_the_clerk_is_told_how_many()
    {
        await AddClerkAccountAsync();
        await ArchivedNumberAsync();
        await ArchivedNumberAsync();
        Driver.Time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));
        await using (var db = Database.CreateContext())
        {
            var disposals = new ArchiveDisposals(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), Driver.Time, feed);
            Assert.Equal(2, await disposals.ListDueAsync());
            // Approved, and the run the approval started cut short before any file (as by a restart).
            Assert.Equal((ArchiveError.None, 2), await disposals.ApproveListAsync(Driver.Leader, (await disposals.ListedAsync()).LastListedId));
        }

        await using var context = NewContext();
        var jobs = context.Services.GetRequiredService<ArchiveDeskJobs>();
        var page = context.RenderPage<Desk>();

        page.WaitForAssertion(() => Assert.Equal("已批准、待销毁 2 份。", page.Find("[data-test=disposals-approved]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal("没有待审批销毁的档案。", page.Find("[data-test=no-disposals]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-test=dispose-approved]").GetAttribute("disabled")));
        await page.InvokeAsync(() => page.Find("[data-test=dispose-approved]").Click());
        await jobs.Completion;

        page.WaitForAssertion(() => Assert.Contains("已销毁 2 份档案。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=dispose-approved]")));
        Assert.Empty(page.FindAll("[data-test=disposals-approved]"));
        await using var check = Database.CreateContext();
        Assert.Equal(2, await check.ArchivedFiles.CountAsync(f => f.State == ArchiveFileState.Disposed));
    }

    [Fact]
    public async Task Archiving_from_the_desk_waits_for_a_scheduled_pass_that_is_running_instead_of_racing_it()
    {
        await AddClerkAccountAsync();
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var context = NewContext();
        var jobs = context.Services.GetRequiredService<ArchiveDeskJobs>();
        var gate = context.Services.GetRequiredService<ArchiveJobGate>();
        var page = context.RenderPage<Desk>();
        page.WaitForAssertion(() => Assert.Null(page.Find("[data-test=archive-now]").GetAttribute("disabled")));

        // A scheduled pass holds the gate.
        var scheduled = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pass = gate.RunAsync(new ArchiveWork(DeskJob.Archive, null), (_, _) => scheduled.Task, null, null, CancellationToken.None);
        await page.InvokeAsync(() => page.Find("[data-test=archive-now]").Click());

        page.WaitForAssertion(() => Assert.StartsWith("正在等待运行中的计划作业完成。由 档案员 孙丽 于 ", page.Find("[data-test=desk-job]").TextContent, StringComparison.Ordinal));
        // The job's own thread reaches the gate; nothing is drawn meanwhile, so this is polled rather than awaited on a render.
        await WaitForAsync(() => Task.FromResult(gate.Waiting == 1));
        Assert.Equal(1, gate.Waiting);
        Assert.False(jobs.Completion.IsCompleted);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.ArchivedFiles.AnyAsync(f => f.ComplaintId == complaint.Id));
        }

        scheduled.SetResult(0);
        await pass;
        await jobs.Completion;

        Assert.Equal(new DeskJobOutcome(false, 1, Driver.Time.GetUtcNow()), jobs.Last!.Outcome);
        page.WaitForAssertion(() => Assert.Contains("已归档 1 个档案版本。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        await using (var db = Database.CreateContext())
        {
            Assert.True(await db.ArchivedFiles.AnyAsync(f => f.ComplaintId == complaint.Id));
        }
    }

    [Fact]
    public async Task Another_instances_archive_job_shows_on_the_desk_with_its_progress_and_a_job_asked_for_here_waits_for_it()
    {
        await AddClerkAccountAsync();
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await LeaseAsync(l => l.TryTakeAsync(ArchiveJobGate.LeaseName, "server-b", "Inspect", "档案员 周敏", Driver.Time.GetUtcNow(), options.LeaseDuration));
        await LeaseAsync(l => l.RenewAsync(ArchiveJobGate.LeaseName, "server-b", Driver.Time.GetUtcNow(), options.LeaseDuration, null, 5, 20));
        await using var context = NewContext();
        var jobs = context.Services.GetRequiredService<ArchiveDeskJobs>();
        var page = context.RenderPage<Desk>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-test=desk-job]").GetAttribute("data-elsewhere")));
        Assert.StartsWith("另一台服务器上：正在检查：已检查 5 / 20 份档案。由 档案员 周敏 于 ", page.Find("[data-test=desk-job]").TextContent, StringComparison.Ordinal);

        // Archiving asked for here waits for it, and says what it waits for.
        await page.InvokeAsync(() => page.Find("[data-test=archive-now]").Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=desk-job-awaited]")));
        var waiting = page.Find("[data-test=desk-job]");
        Assert.Equal(("Archive", "false"), (waiting.GetAttribute("data-job"), waiting.GetAttribute("data-elsewhere")));
        Assert.StartsWith("正在等待另一台服务器上的档案作业完成。由 档案员 孙丽 于 ", waiting.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("另一台服务器上：正在检查：已检查 5 / 20 份档案。由 档案员 周敏 于 ", page.Find("[data-test=desk-job-awaited]").TextContent, StringComparison.Ordinal);
        // Its bar is the awaited job's.
        Assert.Equal("5", page.Find("[data-test=desk-job] .mud-progress-linear").GetAttribute("aria-valuenow"));
        await Task.Delay(options.LeaseInterval * 3);
        Assert.False(jobs.Completion.IsCompleted);

        await LeaseAsync(async l =>
        {
            await l.ReleaseAsync(ArchiveJobGate.LeaseName, "server-b");
            return true;
        });
        await jobs.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new DeskJobOutcome(false, 1, Driver.Time.GetUtcNow()), jobs.Last!.Outcome);
        page.WaitForAssertion(() => Assert.Contains("已归档 1 个档案版本。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        await using (var db = Database.CreateContext())
        {
            Assert.True(await db.ArchivedFiles.AnyAsync(f => f.ComplaintId == complaint.Id));
            // Given up at its end.
            Assert.Null(await new JobLeases(db).HeldAsync(ArchiveJobGate.LeaseName, Driver.Time.GetUtcNow()));
        }

        // A scheduled pass that starts on the other instance now shows up by itself, and goes when it is over.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=desk-job]")));
        await LeaseAsync(l => l.TryTakeAsync(ArchiveJobGate.LeaseName, "server-b", "Archive", null, Driver.Time.GetUtcNow(), options.LeaseDuration));
        await LeaseAsync(l => l.RenewAsync(ArchiveJobGate.LeaseName, "server-b", Driver.Time.GetUtcNow(), options.LeaseDuration, null, 1_200, null));
        page.WaitForAssertion(() => Assert.StartsWith("另一台服务器上：正在归档：已写入 1,200 个档案版本。由 计划任务 于 ", page.Find("[data-test=desk-job]").TextContent,
            StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await LeaseAsync(async l =>
        {
            await l.ReleaseAsync(ArchiveJobGate.LeaseName, "server-b");
            return true;
        });
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=desk-job]")), TimeSpan.FromSeconds(10));
    }

    private async Task<bool> LeaseAsync(Func<JobLeases, Task<bool>> work)
    {
        await using var db = Database.CreateContext();
        return await work(new JobLeases(db));
    }

    [Fact]
    public async Task A_new_request_appears_in_the_clerks_queue_without_reloading()
    {
        await AddClerkAccountAsync();
        var number = await ArchivedNumberAsync();
        await using var context = NewContext();
        var page = context.RenderPage<Desk>();
        page.WaitForElement("[data-test=inspect-now]");
        Assert.DoesNotContain(number, page.Markup, StringComparison.Ordinal);

        var request = await RequestAsync(number, approve: false);

        // The desk opens on the loans; the tab of those waiting counts the new one at once, and shows it.
        page.WaitForAssertion(() => Assert.Equal("待审批 (1)", page.FindAll(".mud-tab")[1].TextContent.Trim()));
        page.FindAll(".mud-tab")[1].Click();
        page.WaitForAssertion(() => Assert.Contains(number, page.Find("[data-test=desk-requests]").TextContent, StringComparison.Ordinal));
        // The request goes by its form's number (CY-…), as the dialogs and the access log name it, not by a bare row id.
        Assert.Equal(request.Number, page.Find("[data-test=desk-requests] [data-test=request-number]").TextContent);
        Assert.Matches("^CY-[0-9]{6}$", request.Number);
        await using (var db = Database.CreateContext())
        {
            await new ArchiveAccess(db, Driver.Time, feed).ApproveAsync(Driver.Leader, request.Id, null, null, null, null);
        }

        page.WaitForAssertion(() => Assert.Equal("借阅中 (1)", page.FindAll(".mud-tab")[2].TextContent.Trim()));
        page.FindAll(".mud-tab")[2].Click();
        page.WaitForAssertion(() => Assert.Contains(number, page.Find("[data-test=desk-requests]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoking_asks_in_a_dialog_that_names_the_consequence_and_requires_a_reason()
    {
        await AddClerkAccountAsync();
        var number = await ArchivedNumberAsync();
        var request = await RequestAsync(number, approve: true);
        await using var context = NewContext();
        var page = context.RenderPage<Desk>();

        page.WaitForElement("[data-test=desk-requests] [data-test=revoke]");
        Assert.Empty(page.FindAll("[data-test=revoke-reason]"));
        page.Find("[data-test=desk-requests] [data-test=revoke]").Click();

        var consequence = page.WaitForElement("[data-test=revoke-consequence]");
        Assert.Contains(request.RequesterName, consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains("立即失去", consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains($"撤销查阅申请 {request.Number} 的权限", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        page.Find("[data-test=revoke-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("必须填写理由", page.Find("[data-test=revoke-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal(AccessRequestStatus.Approved, await StatusAsync(request.Id));

        page.Find("textarea[data-test=revoke-reason], [data-test=revoke-reason] textarea").Input("用途已完成");
        page.Find("[data-test=revoke-confirm]").Click();

        await WaitForAsync(async () => await StatusAsync(request.Id) == AccessRequestStatus.Revoked);
        await using var db = Database.CreateContext();
        var revoked = await db.ArchiveAccessRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
        Assert.Equal(AccessRequestStatus.Revoked, revoked.Status);
        Assert.Equal("用途已完成", revoked.EndReason);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=revoke-dialog]")));
    }

    private async Task<AccessRequestStatus> StatusAsync(int requestId)
    {
        await using var db = Database.CreateContext();
        return await db.ArchiveAccessRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_inspection_with_more_findings_than_the_desk_lists_says_how_many_it_shows()
    {
        await AddClerkAccountAsync();
        await using (var db = Database.CreateContext())
        {
            var findings = Enumerable.Range(1, Desk.FindingsShown + 20)
                .Select(i => new InspectionFinding($"DA-2026-{i:D6}", 1, InspectionProblem.LedgerBroken, null)).ToList();
            db.ArchiveInspections.Add(new ArchiveInspection(Driver.Time.GetUtcNow(), clerk.Name)
            {
                FinishedAt = Driver.Time.GetUtcNow(),
                FilesChecked = 900,
                DamagedFiles = findings.Count,
                Findings = System.Text.Json.JsonSerializer.Serialize(findings),
            });
            await db.SaveChangesAsync();
        }

        await using var context = NewContext();
        var page = context.RenderPage<Desk>();

        page.WaitForElement("[data-test=inspection-findings]");
        Assert.Equal(Desk.FindingsShown, page.FindAll("[data-test=finding]").Count);
        Assert.Equal("下表列出 520 条检查发现中的前 500 条。", page.Find("[data-test=findings-shown]").TextContent.Trim());
    }
}
