using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The desk's jobs (archiving, inspection, disposal) run in the background with their progress, waiting for one already running here or on another instance.</summary>
public sealed class DeskJobTests : DeskTest
{
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
