using System.Security.Claims;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// bUnit with the case pages' real services on a migrated SQLite file: pages load and act through
/// their own scopes as in the portal, and a <see cref="CaseDriver"/> arranges cases on the same file.
/// </summary>
public sealed class CasePageContext : PortalComponentContext
{
    /// <remarks>Create it in the test method itself: the culture it pins does not flow out of an async method.</remarks>
    /// <param name="feed">The notice feed the pages (the bell) listen to; share one between contexts to watch two people at once.</param>
    /// <param name="more">A feature's own services, added with the case services before anything is resolved.</param>
    public CasePageContext(string culture, TestDatabase database, CaseDriver driver, Domain.Notifications.INoticeFeed? feed = null,
        Action<IServiceCollection>? more = null)
        : base(culture, services =>
        {
            AddCaseServices(services, database, driver, feed ?? new Domain.Notifications.NoticeFeed());
            more?.Invoke(services);
        })
    {
        Database = database;
        Driver = driver;
        // Pages read a real database: on a busy machine that takes longer than bUnit's one-second default.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    private static void AddCaseServices(IServiceCollection services, TestDatabase database, CaseDriver driver, Domain.Notifications.INoticeFeed feed)
    {
        services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o =>
        {
            PortalDatabase.ConfigureSqlite(o, database.ConnectionString);
            TestDatabase.Strict(o);
            o.UseIdentitySchema();
        });
        services.AddSingleton<TimeProvider>(driver.Time);
        services.Configure<OrganisationOptions>(o => o.TimeZone = "Asia/Shanghai");
        services.AddSingleton<OrganisationClock>();
        // Background work one instance at a time does (the archive's jobs, the provisional deadlines' re-computation).
        services.AddScoped<JobLeases>();
        services.AddSingleton(new PortalInstance("page-test"));
        services.AddSingleton<LeasedWork>();
        services.AddSingleton(new EvidenceStore(Path.Combine(database.Folder, "evidence")));
        services.AddSingleton(CaseNumberPolicy.Default);
        services.AddSingleton(new LedgerDigestArchive(Path.Combine(database.Folder, "digests")));
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<ComplaintWorkflow>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<CaseViewReader>();
        services.AddScoped<CallerHistory>();
        services.AddScoped<CaseUsers>();
        services.AddScoped<Domain.Notifications.NoticeBook>();
        services.AddScoped<Domain.Notifications.NoticeMailing>();
        services.AddScoped<Domain.Notifications.CustomerMessageBook>();
        services.AddScoped<Domain.Privacy.PersonalDataViews>();
        services.AddScoped<Domain.Reporting.Improvements>();
        services.AddScoped<Domain.Reporting.KeptTimelinessReport>();
        services.AddMemoryCache();
        services.AddSingleton<IntakeSuggestions>();
        services.AddSingleton<ComplaintPortal.Web.Components.Shared.PrerenderHandoff>();
        services.AddSingleton(feed);
    }

    public TestDatabase Database { get; }

    public CaseDriver Driver { get; }

    public string EvidenceFolder => Path.Combine(Database.Folder, "evidence");

    /// <summary>Signs in as one of the driver's people (the page finds the account by its id).</summary>
    public void SignInAs(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        SignIn(user.Name, [.. user.Roles]).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.UserId));
    }

    public IRenderedComponent<IComponent> RenderPage<TPage>(params (string Name, object? Value)[] parameters)
        where TPage : IComponent =>
        RenderWithProviders(builder =>
        {
            builder.OpenComponent<TPage>(0);
            builder.AddMultipleAttributes(1, parameters.Select(p => new KeyValuePair<string, object>(p.Name, p.Value!)));
            builder.CloseComponent();
        });

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.CreateContext();
        return await query(db);
    }
}

/// <summary>A test class on its own migrated database with accounts for the driver's people; <see cref="Open"/> gives the bUnit context.</summary>
public abstract class CasePageTest : IAsyncLifetime
{
    private CasePageContext? context;
    private readonly List<CasePageContext> others = [];

    protected TestDatabase Database { get; private set; } = default!;

    protected CaseDriver Driver { get; private set; } = default!;

    /// <summary>The bUnit context for this test (call it first thing in the test, so its culture holds there).</summary>
    protected CasePageContext Open(string culture = "zh-Hans") => context = new CasePageContext(culture, Database, Driver);

    /// <summary>
    /// Two cases registered one after the other (the first numbered lower, received at the same instant) and the clerk signed
    /// in to <paramref name="context"/>, for the case lists' order: the cases and the context's navigation.
    /// </summary>
    protected async Task<(Complaint First, Complaint Second, NavigationManager Navigation)> TwoCasesForTheClerkAsync(CasePageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = await Driver.RegisterAsync();
        var second = await Driver.RegisterAsync();
        context.SignInAs(Driver.Clerk);
        return (first, second, context.Services.GetRequiredService<NavigationManager>());
    }

    /// <summary>The case numbers a case list shows, in its order.</summary>
    protected static List<string?> CaseNumbersShown(IRenderedComponent<IComponent> page) =>
        page.FindAll("[data-case]").Select(a => a.GetAttribute("data-case")).ToList();

    /// <summary>A second context on the same database (another person's screen); disposed with the test.</summary>
    protected CasePageContext OpenAnother(string culture, Domain.Notifications.INoticeFeed feed, Action<IServiceCollection>? more = null)
    {
        var another = new CasePageContext(culture, Database, Driver, feed, more);
        others.Add(another);
        return another;
    }

    /// <summary>The clerk withdraws <paramref name="complaint"/>, saved as the portal saves, so its commit publishes to <paramref name="feed"/>.</summary>
    protected async Task WithdrawAnnouncedAsync(Complaint complaint, Domain.Notifications.INoticeFeed feed)
    {
        await using var db = Database.CreateContext(new Domain.Notifications.NoticeCommitSignal(feed));
        var version = await db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.Version).SingleAsync();
        var result = await new ComplaintWorkflow(db, Driver.Time).ExecuteAsync(complaint.Id, version, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        Assert.True(result.Succeeded, result.Error.ToString());
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.WithSchema().MigrateAsync();
        Driver = await CaseDriver.CreateAsync(Database);
        // The driver's clerk, leader and supervisor act without accounts; pages look the viewer up.
        await using var db = Database.CreateContext();
        foreach (var user in new[] { Driver.Clerk, Driver.Leader, Driver.Outsider })
        {
            db.Users.Add(new PortalUser { Id = user.UserId, UserName = user.UserId, DisplayName = user.Name, DepartmentId = user.DepartmentId });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        // MudBlazor's services dispose only asynchronously.
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        foreach (var other in others)
        {
            await other.DisposeAsync();
        }

        Database.Dispose();
    }
}
