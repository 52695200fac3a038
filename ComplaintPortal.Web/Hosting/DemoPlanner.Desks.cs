using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>The demo's work beside the cases: the supervision committee's month and the archive's requests.</summary>
internal sealed partial class DemoPlanner
{
    /// <summary>
    /// The committee's month: on this month's first working morning (the previous month's, when today leaves no working day
    /// after it) it draws six handled cases of the month before, risk-weighted, with a fixed seed; an hour later it checks
    /// one and finds it in order; another hour on it checks one worked by a department with a head and lays an item at that
    /// department, which issues a rectification notice; the next working day the head answers it (left for the committee to
    /// verify). The other four cases wait to be checked. The month before, it published the figures of the month before that.
    /// </summary>
    private DemoCasePlan SpotCheck(ActingUser member)
    {
        var cycle = new DemoCasePlan(-2);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var month = new DateTime(local.Year, local.Month, 1);
        var drawn = After(At(month + DayStarts), 1);
        if (After(drawn, 26) > now)
        {
            month = month.AddMonths(-1);
            drawn = After(At(month + DayStarts), 1);
        }

        var period = new ReportPeriod(ReportPeriodKind.Month, month.AddMonths(-1).Year, month.AddMonths(-1).Month);

        // A month earlier it published the figures of the month before the sampled one (奖惩统计, as leadership and heads read them).
        var published = new ReportPeriod(ReportPeriodKind.Month, month.AddMonths(-2).Year, month.AddMonths(-2).Month);
        Add(cycle, After(At(month.AddMonths(-1) + DayStarts), 3), "FiguresPublished", async (s, ct) =>
        {
            var result = await new FiguresPublishing(s.Db, s.Clock).PublishAsync(published, s.Zone, member, ct);
            return result.Succeeded ? null : result.Error.ToString();
        });

        var sampled = new List<int>();
        int? noticeId = null;
        Add(cycle, drawn, "SampleDraw", async (s, ct) =>
        {
            var draw = await new SampleDrawing(s.Db, s.Clock).DrawAsync(
                new SampleRequest(period, new SamplePlan(SampleSizeMode.Count, 6, 1, RiskWeighted: true), Seed: 2026), s.Zone, member, ct);
            if (draw.Error == SupervisionError.NoCandidates)
            {
                return null; // a month without handled cases: nothing to check
            }

            sampled.AddRange(draw.Value?.Cases.OrderBy(c => c.DrawOrder).Select(c => c.Id) ?? []);
            return draw.Succeeded ? null : draw.Error.ToString();
        });
        Add(cycle, After(drawn, 1), "CheckPassed", async (s, ct) =>
        {
            var checking = new CaseChecking(s.Db, s.Clock, WorkingCalendarCache.Shared);
            var view = sampled.Count == 0 ? null : await checking.OpenAsync(sampled[0], member, ct);
            if (view is null)
            {
                return null;
            }

            var answers = view.Checklist.Items.Select(i => new CheckAnswer(i.Id, CheckOutcome.Pass, null, null)).ToList();
            var result = await checking.CompleteAsync(view.Sampled.Id, view.Sampled.Version, answers, 5, member, ct);
            return result.Succeeded ? null : result.Error.ToString();
        });
        Add(cycle, After(drawn, 2), "CheckFailed", async (s, ct) =>
        {
            var checking = new CaseChecking(s.Db, s.Clock, WorkingCalendarCache.Shared);
            foreach (var id in sampled.Skip(1))
            {
                var view = await checking.OpenAsync(id, member, ct);
                if (view?.Case.TaskDepartmentIds.FirstOrDefault(cast.Heads.ContainsKey) is not { } department || department == 0)
                {
                    continue;
                }

                var failed = view.Checklist.Items[^1];
                var answers = view.Checklist.Items.Select(i => i == failed
                        ? new CheckAnswer(i.Id, CheckOutcome.Fail, "处理记录中未见防止同类问题再次发生的措施。", department)
                        : new CheckAnswer(i.Id, CheckOutcome.Pass, null, null))
                    .ToList();
                var result = await checking.CompleteAsync(id, view.Sampled.Version, answers, 5, member, ct);
                noticeId = await s.Db.RectificationNotices.AsNoTracking().Where(n => n.SampledCaseId == id).Select(n => (int?)n.Id).FirstOrDefaultAsync(ct);
                return result.Succeeded ? null : result.Error.ToString();
            }

            return null;
        });
        Add(cycle, After(drawn, 26), "NoticeAnswered", async (s, ct) =>
        {
            var notice = noticeId is { } id ? await s.Db.RectificationNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) : null;
            if (notice is null)
            {
                return null;
            }

            var result = await new RectificationNotices(s.Db, s.Clock).AnswerAsync(notice.Id, notice.Version,
                "部门处理人员对整改要求理解不到位，方案只写了对本案的处理。", "已补充防止再发措施：同类问题纳入每周质量例会复盘，并更新作业指导书。",
                cast.Heads[notice.DepartmentId], cancellationToken: ct);
            return result.Succeeded ? null : result.Error.ToString();
        });
        return cycle;
    }

    /// <summary>
    /// The archive's work in the demo: a department asked for the oldest file three weeks back for five days, was granted
    /// them, and never confirmed finishing, so its days ran out and it was reminded (the desk's 已到期未归还); the committee asks
    /// for the oldest file four working days back and the leader approves it an hour later (out, due back in a fortnight) and
    /// the member opens it an hour after that; a department asks for the newest file yesterday, still with the leader, having
    /// tried its address half an hour before (refused). Both reads are in the access register.
    /// </summary>
    private DemoCasePlan ArchiveRequests(ActingUser leader, ActingUser supervisor, ActingUser handler)
    {
        var requests = new DemoCasePlan(-1);
        var early = LastWorkingMoment(now.AddDays(-21));
        const int EarlyDays = 5;
        AskForOldestFileAndApprove(requests, leader, handler, "核对同一批次的历史投诉。", early, EarlyDays);
        // The portal's own scan finds the days run out and reminds the reader, as it would have minutes after they ended (or,
        // when they ended at a weekend, on the next working morning). Never before: a scan before the end tells nobody.
        Add(requests, Working(early.AddDays(EarlyDays).AddMinutes(5)), "ArchiveLoanReminder", async (s, ct) =>
        {
            await new ArchiveLoanMonitor(s.Db).RunOnceAsync(s.Clock.GetUtcNow(), ct);
            return null;
        });
        string? lent = null;
        var asked = LastWorkingMoment(now.AddDays(-4));
        AskForOldestFileAndApprove(requests, leader, supervisor, "季度抽查复核：核对该案处理记录与回访情况。", asked, days: 14, file => lent = file);
        // The committee member opens the file an hour after the approval: the access register's first line (and the
        // personal-data log's).
        Add(requests, After(After(asked, 1), 1), "ArchiveRead", async (s, ct) =>
        {
            if (lent is null)
            {
                return null;
            }

            var view = await new ArchiveAccess(s.Db, s.Clock, s.ArchiveFeed).ReadAsync(supervisor, lent, await ViewerAsync(s, supervisor, "10.20.3.41", ct), ct);
            return view is null ? "not readable" : null;
        });
        var later = LastWorkingMoment(now.AddDays(-1));
        // Half an hour before asking, the department tried the file's address: refused, and the register says so.
        Add(requests, LastWorkingMoment(later.AddMinutes(-30)), "ArchiveRefused", async (s, ct) =>
        {
            var file = await NewestFileAsync(s, ct);
            if (file is null)
            {
                return null;
            }

            var view = await new ArchiveAccess(s.Db, s.Clock, s.ArchiveFeed).ReadAsync(handler, file, await ViewerAsync(s, handler, "10.20.5.17", ct), ct);
            return view is null ? null : "read without a grant";
        });
        Add(requests, later, "ArchiveRequest", async (s, ct) =>
        {
            var file = await NewestFileAsync(s, ct);
            if (file is null)
            {
                return null;
            }

            var (error, _) = await new ArchiveAccess(s.Db, s.Clock, s.ArchiveFeed)
                .RequestAsync(handler, "同类问题分析，参考以往的处理方案。", new AccessScope([file], null, null, null), later, later.AddDays(7), ct);
            return error == ArchiveError.None ? null : error.ToString();
        });
        return requests;
    }

    /// <summary>
    /// <paramref name="asker"/> asks at <paramref name="at"/> for the oldest file filed by then, for <paramref name="days"/> days, and
    /// the leader approves it an hour later; <paramref name="asked"/> is told which file.
    /// </summary>
    private void AskForOldestFileAndApprove(DemoCasePlan plan, ActingUser leader, ActingUser asker, string purpose, DateTimeOffset at, int days,
        Action<string>? asked = null)
    {
        int? requestId = null;
        Add(plan, at, "ArchiveRequest", async (s, ct) =>
        {
            // The oldest still kept: not one of the files past retention, waiting for leadership's decision to dispose of them.
            var file = await s.Db.ArchivedFiles.AsNoTracking().Where(f => f.RetainUntil > at).OrderBy(f => f.ArchivedAt)
                .Select(f => f.ArchiveNumber).FirstOrDefaultAsync(ct);
            if (file is null)
            {
                return null; // nothing filed yet: nothing to ask for
            }

            var (error, request) = await new ArchiveAccess(s.Db, s.Clock, s.ArchiveFeed)
                .RequestAsync(asker, purpose, new AccessScope([file], null, null, null), at, at.AddDays(days), ct);
            requestId = request?.Id;
            asked?.Invoke(file);
            return error == ArchiveError.None ? null : error.ToString();
        });
        Add(plan, After(at, 1), "ArchiveApprove", async (s, ct) =>
        {
            if (requestId is not { } id)
            {
                return null;
            }

            var error = await new ArchiveAccess(s.Db, s.Clock, s.ArchiveFeed).ApproveAsync(leader, id, null, null, null, null, ct);
            return error == ArchiveError.None ? null : error.ToString();
        });
    }

    /// <summary>
    /// Cases closed a little over three years ago (the default retention of general files), filed after the quiet period as the
    /// archiver would have, and listed by this month's disposal listing (its first day, early morning; now, when that is still
    /// to come): 档案审批 shows leadership the list to decide and the desk shows it waiting.
    /// </summary>
    private List<DemoCasePlan> PastRetention()
    {
        var plans = new List<DemoCasePlan>();
        var firstDay = TimeZoneInfo.ConvertTime(now, zone).Date.AddYears(-RetentionRule.DefaultGeneralYears).AddDays(-100);
        for (var i = 0; i < DemoCases.PastRetention; i++)
        {
            var plan = new DemoCasePlan(1000 + i);
            var fit = cast.Stories[random.Next(cast.Stories.Count)];
            var complainant = DemoStories.Complainants[random.Next(DemoStories.Complainants.Count)];
            (plan.Fit, plan.Complainant) = (fit, complainant);
            Lay(plan, fit, complainant, Working(At(firstDay.AddDays(3 * i) + DayStarts + TimeSpan.FromMinutes(random.Next(0, 480)))), DemoPath.Closed, null);
            plans.Add(plan);
        }

        var filed = new DemoCasePlan(-3);
        // The demo's archiver runs before a step a day or more after its last run: by then these were quiet long enough.
        var last = plans.SelectMany(p => p.Steps).Max(s => s.At);
        Add(filed, After(last.AddDays(14), 1), "PastRetentionFiled", async (s, ct) =>
        {
            var ids = plans.Select(p => p.Id).ToList();
            var count = await s.Db.ArchivedFiles.CountAsync(f => ids.Contains(f.ComplaintId), ct);
            return count == plans.Count(p => !p.Failed) ? null : $"{count} filed";
        });
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var listing = At(new DateTime(local.Year, local.Month, 1) + TimeSpan.FromHours(2));
        Add(filed, listing < now ? listing : now, "DisposalsListed", async (s, ct) =>
        {
            var listed = await new ArchiveDisposals(s.Db, s.Evidence, s.Clock, s.ArchiveFeed).ListDueAsync(ct);
            return listed > 0 ? null : "nothing past retention";
        });
        return [.. plans, filed];
    }

    private static Task<string?> NewestFileAsync(DemoStepContext s, CancellationToken ct) =>
        s.Db.ArchivedFiles.AsNoTracking().OrderByDescending(f => f.ArchivedAt).Select(f => f.ArchiveNumber).FirstOrDefaultAsync(ct);

    /// <summary>A demo person at their desk, as the portal names a viewer (their department), from an intranet address.</summary>
    private static Task<ViewerContext> ViewerAsync(DemoStepContext s, ActingUser user, string address, CancellationToken ct) =>
        new Features.Archive.ArchiveViewers(s.Db, new HttpContextAccessor()).ContextAsync(user, address, ct);
}
