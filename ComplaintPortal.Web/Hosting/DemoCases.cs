using System.Diagnostics;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// Demo complaints for a new demo portal: <see cref="Count"/> cases registered over the last <see cref="Span"/>, worked by
/// the demo people through the real intake and workflow services on a clock that walks from then to now, one step after
/// another in time order (so the ledger, deadlines, notices and reports are what such weeks would have left). Most are
/// closed, some were slow, some are still open in every stage, a few were withdrawn, invalid or duplicates; the archive has
/// files, an approved access request out and one waiting for the leader; the committee drew a month's sample, checked two
/// cases and issued a rectification notice, which the department's head answered. Besides them, <see cref="PastRetention"/>
/// cases closed a little over three years ago are filed and, past their retention, on this month's disposal list for
/// leadership to decide. Only when the portal has no case yet; the same cases each time (a fixed seed), placed relative to today.
/// </summary>
public sealed class DemoCases(IServiceScopeFactory scopes, TimeProvider time, OrganisationClock clock, CaseNumberPolicy numbering,
    ILogger<DemoCases> logger)
{
    public const int Count = 60;

    /// <summary>Cases of three years ago and more, closed and filed then, now on the disposal list (销毁清册).</summary>
    public const int PastRetention = 4;

    public static readonly TimeSpan Span = TimeSpan.FromDays(50);

    /// <summary>The deadline monitor runs on the demo clock at least this often, so overdue steps are recorded when they fell due.</summary>
    private static readonly TimeSpan MonitorEvery = TimeSpan.FromHours(1);

    /// <summary>The archiver too, daily, so the cases quiet long enough are filed on the day they would have been.</summary>
    private static readonly TimeSpan ArchiveEvery = TimeSpan.FromDays(1);

    public async Task<DemoCasesResult> EnsureAsync(string starterCode, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        DemoCast? cast;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (await db.Complaints.AnyAsync(cancellationToken))
            {
                return DemoCasesResult.None;
            }

            cast = await DemoCast.LoadAsync(db, starterCode, cancellationToken);
        }

        if (cast is null)
        {
            return DemoCasesResult.None;
        }

        var stopwatch = Stopwatch.StartNew();
        var plans = new DemoPlanner(cast, clock.TimeZone, now).Plan(Count, Span);
        var steps = plans.SelectMany(p => p.Steps).Where(s => s.At <= now).OrderBy(s => s.At).ThenBy(s => s.Sequence).ToList();
        var demoClock = new DemoClock();
        var monitoredUntil = DateTimeOffset.MinValue;
        var archivedUntil = steps.Count > 0 ? steps[0].At : now;
        var failures = 0;
        foreach (var step in steps)
        {
            if (step.Case.Failed)
            {
                continue;
            }

            demoClock.Now = step.At;
            if (step.At - monitoredUntil >= MonitorEvery)
            {
                await MonitorAsync(step.At, cancellationToken);
                monitoredUntil = step.At;
            }

            if (step.At - archivedUntil >= ArchiveEvery)
            {
                await ArchiveAsync(step.At, cancellationToken);
                archivedUntil = step.At;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var context = new DemoStepContext(db, demoClock, numbering, scope.ServiceProvider.GetRequiredService<ArchiveFeed>(), clock.TimeZone,
                scope.ServiceProvider.GetRequiredService<EvidenceStore>());
            var error = await step.RunAsync(context, cancellationToken);
            if (error is not null)
            {
                step.Case.Failed = true;
                failures++;
                logger.LogWarning("Demo case {Index} stopped at {Step}: {Error}", step.Case.Index, step.Name, error);
            }
        }

        await ImprovementsAsync(cast, now, cancellationToken);
        await SavedSearchesAsync(cast, now, cancellationToken);
        var result = new DemoCasesResult(plans.Count(p => p.Id > 0), steps.Count, failures);
        logger.LogInformation("Demo complaints: {Cases} cases in {Steps} steps ({Failures} failed) in {Seconds:0.0} s",
            result.Cases, result.Steps, result.Failures, stopwatch.Elapsed.TotalSeconds);
        return result;
    }

    private async Task MonitorAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await new DeadlineMonitor(scope.ServiceProvider.GetRequiredService<PortalDbContext>()).RunOnceAsync(at, cancellationToken);
    }

    private async Task ArchiveAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(at, ct: cancellationToken);
    }

    /// <summary>
    /// Two improvement actions leadership raised twenty days ago for a department other than quality (whose head the demo's
    /// own walks raise and report one for): one reported done two days ago, waiting to be verified, and one past its date, so
    /// leadership, the committee and that department's head find them among their notices on first sign-in.
    /// </summary>
    /// <summary>The clerk's kept searches (常用查询), so the search page shows them on the first visit.</summary>
    private async Task SavedSearchesAsync(DemoCast cast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var searches = scope.ServiceProvider.GetRequiredService<SavedSearches>();
        var kept = new (string Name, SearchFilter Filter, CaseOrder? Order)[]
        {
            ("部门处理中·最早到期", SearchFilter.None with { Stage = CaseStage.InDepartments }, CaseOrder.Read(CaseRoutes.QueueByDue)),
            ("热线投诉", SearchFilter.None with { Channel = ComplaintChannel.Hotline }, null),
        };
        foreach (var (name, filter, order) in kept)
        {
            await searches.SaveAsync(cast.Clerk, name, CaseOrder.In(filter.ToQueryString(), order), now, cancellationToken);
        }
    }

    private async Task ImprovementsAsync(DemoCast cast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var quality = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.Quality).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (cast.Leader is not { } leader || cast.Heads.OrderBy(h => h.Key).Select(h => h.Value).FirstOrDefault(h => h.DepartmentId != quality) is not { } head)
        {
            return;
        }

        var zone = clock.TimeZone;
        var demoClock = new DemoClock { Now = now.AddDays(-20) };
        var improvements = new Improvements(db, demoClock);
        var raisedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(demoClock.Now, zone).DateTime);
        var late = await improvements.RaiseAsync(new ImprovementDraft("投诉处理时限专项检查", "演示数据 · 处理及时率较上期下降", null,
            head.DepartmentId, raisedOn.AddDays(14), "逐件核对超时案件的原因，调整派工与复核流程"), leader, zone);
        var done = await improvements.RaiseAsync(new ImprovementDraft("一线人员沟通技巧培训", "演示数据 · 按投诉原因 · 服务人员培训不足", "/reports/statistics",
            head.DepartmentId, raisedOn.AddDays(40), "全员参加沟通技巧培训并考核"), leader, zone);
        if (late.Action is null || done.Action is null)
        {
            logger.LogWarning("Demo improvement actions not raised: {Late} {Done}", late.Error, done.Error);
            return;
        }

        demoClock.Now = now.AddDays(-2);
        await improvements.ReportDoneAsync(done.Action.Id, done.Action.Version, "已完成两期培训，23 人考核合格", head, cancellationToken);
        await new ImprovementMonitor(db).RunOnceAsync(now, zone, cancellationToken);
    }

    /// <summary>The demo's own clock: the instant of the step being taken.</summary>
    private sealed class DemoClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

/// <param name="Cases">Cases registered.</param>
/// <param name="Steps">Steps taken (registration included).</param>
/// <param name="Failures">Cases stopped by a step the services refused (none expected; logged).</param>
public sealed record DemoCasesResult(int Cases, int Steps, int Failures)
{
    public static DemoCasesResult None { get; } = new(0, 0, 0);
}

/// <summary>The demo people who act (as their accounts) and what the organisation offers them to work with.</summary>
internal sealed record DemoCast(
    ActingUser Clerk,
    ActingUser? Leader,
    ActingUser? Supervisor,
    IReadOnlyDictionary<int, ActingUser> Handlers,
    IReadOnlyDictionary<int, ActingUser> Heads,
    IReadOnlyList<DemoStoryFit> Stories)
{
    public static async Task<DemoCast?> LoadAsync(PortalDbContext db, string starterCode, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var accounts = DemoPeople.For(starterCode);
        var names = accounts.Select(a => a.UserName).ToList();
        var ids = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var people = new List<(DemoAccount Account, ActingUser Actor)>();
        foreach (var account in accounts.Where(a => ids.ContainsKey(a.UserName)))
        {
            int? department = account.DepartmentCode is { } code && departments.TryGetValue(code, out var d) ? d : null;
            people.Add((account, new ActingUser(ids[account.UserName], account.DisplayName, department, new HashSet<string>([account.Role], StringComparer.Ordinal))));
        }

        var clerk = people.FirstOrDefault(p => p.Account.Role == PortalRoles.IntakeClerk).Actor;
        if (clerk is null)
        {
            return null;
        }

        // Each department's demo handler works its tasks (its head where it has no handler).
        var handlers = people
            .Where(p => p.Actor.DepartmentId is not null && p.Account.Role is PortalRoles.DepartmentHandler or PortalRoles.DepartmentHead)
            .OrderBy(p => p.Account.Role == PortalRoles.DepartmentHandler ? 0 : 1)
            .GroupBy(p => p.Actor.DepartmentId!.Value)
            .ToDictionary(g => g.Key, g => g.First().Actor);
        var heads = people.Where(p => p.Actor.DepartmentId is not null && p.Account.Role == PortalRoles.DepartmentHead)
            .GroupBy(p => p.Actor.DepartmentId!.Value).ToDictionary(g => g.Key, g => g.First().Actor);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var solutionTypes = await db.SolutionTypes.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => s.Code).ToListAsync(cancellationToken);
        var causes = await db.CauseCategories.AsNoTracking().Where(s => s.IsActive).Select(s => s.Code).ToListAsync(cancellationToken);
        var stories = new List<DemoStoryFit>();
        foreach (var story in DemoStories.All)
        {
            if (story.Categories.FirstOrDefault(categories.ContainsKey) is not { } code)
            {
                continue;
            }

            var routed = (await RoutingProposal.ForCategoryAsync(db, categories[code], cancellationToken)).Where(handlers.ContainsKey).ToList();
            if (routed.Count > 0)
            {
                stories.Add(new DemoStoryFit(story, categories[code], routed,
                    story.SolutionTypes.FirstOrDefault(solutionTypes.Contains) ?? solutionTypes.FirstOrDefault(), story.Causes.FirstOrDefault(causes.Contains)));
            }
        }

        ActingUser? Actor(string role) => people.FirstOrDefault(p => p.Account.Role == role).Actor;
        return stories.Count == 0 ? null : new DemoCast(clerk, Actor(PortalRoles.Leadership), Actor(PortalRoles.Supervisor), handlers, heads, stories);
    }
}

/// <summary>
/// A story this organisation can take: its category, the departments it goes to (with a demo handler), its solution type and
/// the cause its findings file (none when the organisation has none of the story's).
/// </summary>
internal sealed record DemoStoryFit(DemoStory Story, int CategoryId, IReadOnlyList<int> Departments, string? SolutionType, string? Cause);

/// <summary>What a step works with: a fresh context (as a request would have) and the demo clock.</summary>
internal sealed record DemoStepContext(PortalDbContext Db, TimeProvider Clock, CaseNumberPolicy Numbering, ArchiveFeed ArchiveFeed, TimeZoneInfo Zone,
    EvidenceStore Evidence);
