using Bunit;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The archive browser and access register over a real database: newest first, and sorted on the server by the column a clerk clicks.</summary>
public sealed class ArchiveBrowserPageTests : CaseDatabaseTest
{
    private readonly ArchiveFeed feed = new();
    private readonly ArchiveOptions options = new();
    private readonly ActingUser clerk = new("u-browser-clerk", "档案员 孙丽", null, new HashSet<string> { PortalRoles.ArchiveClerk });

    private async Task<string> ArchivedNumberAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var db = Database.CreateContext();
        await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        return db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
    }

    [Fact]
    public async Task Clicking_the_retention_column_sorts_by_the_date_files_fall_due_either_way()
    {
        var first = await ArchivedNumberAsync();
        var important = await ArchivedNumberAsync();
        var last = await ArchivedNumberAsync();
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            await db.SaveChangesAsync();
            Assert.Equal(ArchiveError.None, await new ArchiveCatalog(db, Driver.Time, feed).SetImportanceAsync(Driver.Leader, important, ArchiveImportance.Important));
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveAccess>();
        });
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<ArchiveBrowser>();
        string[] Numbers() => [.. page.FindAll("[data-test=archive-number]").Select(n => n.TextContent.Trim())];

        page.WaitForAssertion(() => Assert.Equal([last, important, first], Numbers()));

        // 保管期限: the important file (ten years, not three) falls due last; a second click turns the order round.
        var retention = page.FindAll("[data-test=archive-table] thead th").Single(th => th.TextContent.Contains("保管", StringComparison.Ordinal));
        await retention.QuerySelector(".sortable-column-header")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal([first, last, important], Numbers()));
        await page.FindAll("[data-test=archive-table] thead th").Single(th => th.TextContent.Contains("保管", StringComparison.Ordinal))
            .QuerySelector(".sortable-column-header")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal([important, last, first], Numbers()));
        Assert.Equal(3, await ctx.WithDbAsync(db => db.ArchivedFiles.CountAsync()));
    }

    [Fact]
    public async Task A_file_archived_again_after_a_late_entry_says_its_version_and_a_first_archiving_says_none()
    {
        var once = await ArchivedNumberAsync();
        var twice = await ArchivedNumberAsync();
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            var id = await db.ArchivedFiles.Where(f => f.ArchiveNumber == twice).Select(f => f.ComplaintId).SingleAsync();
            var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
            LedgerChain.Open(db, complaint).Append(Driver.Time.GetUtcNow(), Driver.Clerk.UserId, Driver.Clerk.Name, null, "LateCallback",
                complaint.Stage.ToString(), complaint.Stage.ToString(), "客户来电补充意见");
            await db.SaveChangesAsync();
        }

        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using (var db = Database.CreateContext())
        {
            await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveAccess>();
        });
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<ArchiveBrowser>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-test=archive-number]").Count));
        var rows = page.FindAll("[data-test=archive-table] tbody tr");
        var again = rows.Single(r => r.TextContent.Contains(twice, StringComparison.Ordinal));
        Assert.Contains("第 2 版", again.QuerySelector("[data-test=archive-version]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(rows.Single(r => r.TextContent.Contains(once, StringComparison.Ordinal)).QuerySelector("[data-test=archive-version]"));
        Assert.DoesNotContain(" v1", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_register_reads_newest_first_and_its_time_column_turns_it_round()
    {
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            foreach (var (minutes, number) in new[] { (0, "DA-2026-000001"), (5, "DA-2026-000002"), (9, "DA-2026-000003") })
            {
                db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(Driver.Time.GetUtcNow().AddMinutes(minutes), "u-reader", "质量部 李强", "质量部", number,
                    1, ArchiveAccessKind.ViewFile, null, "10.0.0.8"));
            }

            await db.SaveChangesAsync();
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services => services.AddScoped<ArchiveLogQuery>());
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<AccessLog>();
        string[] Numbers() => [.. page.FindAll("[data-test=access-log] tbody tr td:nth-child(4)").Select(n => n.TextContent.Trim())];

        page.WaitForAssertion(() => Assert.Equal(["DA-2026-000003", "DA-2026-000002", "DA-2026-000001"], Numbers()));
        await page.FindAll("[data-test=access-log] thead th").First().QuerySelector(".sortable-column-header")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["DA-2026-000001", "DA-2026-000002", "DA-2026-000003"], Numbers()));
    }
    [Fact]
    public async Task The_access_register_shows_refused_attempts_apart_and_alone_when_asked_and_exports_what_it_shows()
    {
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            var at = Driver.Time.GetUtcNow();
            db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(at, "u-reader", "质量部 李强", "质量部", "DA-2026-000001", 1, ArchiveAccessKind.ViewFile, null, "10.0.0.8"));
            db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(at.AddMinutes(3), "u-other", "工程部 陈刚", "工程部", "DA-2026-000002", null, ArchiveAccessKind.Refused, null, "10.0.0.9"));
            await db.SaveChangesAsync();
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services => services.AddScoped<ArchiveLogQuery>());
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<AccessLog>();
        string[] Numbers() => [.. page.FindAll("[data-test=access-log] tbody tr td:nth-child(4)").Select(n => n.TextContent.Trim())];
        page.WaitForAssertion(() => Assert.Equal(["DA-2026-000002", "DA-2026-000001"], Numbers()));

        // The refused attempt is set apart by colour and an icon; it names no request, and says so with a dash.
        var refused = page.Find("[data-test=log-kind][data-kind=Refused]");
        Assert.Contains("mud-error-text", refused.ClassName, StringComparison.Ordinal);
        Assert.NotNull(refused.QuerySelector("svg"));
        Assert.DoesNotContain("mud-error-text", page.Find("[data-test=log-kind][data-kind=ViewFile]").ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal("—", page.FindAll("[data-test=access-log] tbody tr")[0].QuerySelectorAll("td")[5].TextContent.Trim());

        // Asked for refused attempts only, the register shows those alone, and the export asks for the same.
        Assert.DoesNotContain("refused=", page.Find("[data-test=log-export]").GetAttribute("href"), StringComparison.Ordinal);
        await page.Find("input[data-test=log-refused-only], [data-test=log-refused-only] input").ChangeAsync(new ChangeEventArgs { Value = true });
        page.WaitForAssertion(() => Assert.Equal(["DA-2026-000002"], Numbers()));
        Assert.EndsWith("&refused=true", page.Find("[data-test=log-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_register_names_the_viewers_department_in_its_readers_language()
    {
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            var quality = await db.Departments.Where(d => d.Code == DepartmentCatalog.Quality).Select(d => d.Id).SingleAsync();
            var at = Driver.Time.GetUtcNow();
            // Read in Traditional Chinese, with the department kept; and an older line that kept only the name.
            db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(at, "u-reader", "質量部 李強", "質量部", "DA-2026-000001", 1, ArchiveAccessKind.ViewFile, null, "10.0.0.8", quality));
            db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(at.AddMinutes(1), "u-old", "质量部 王五", "质量部", "DA-2026-000002", 2, ArchiveAccessKind.ViewFile, null, "10.0.0.9"));
            await db.SaveChangesAsync();
        }

        await using var ctx = new CasePageContext("en", Database, Driver, more: services => services.AddScoped<ArchiveLogQuery>());
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<AccessLog>();
        string[] Departments() => [.. page.FindAll("[data-test=access-log] tbody tr td:nth-child(3)").Select(n => n.TextContent.Trim())];

        page.WaitForAssertion(() => Assert.Equal(["质量部", "Quality"], Departments()));
    }

    [Fact]
    public async Task A_file_offers_open_only_while_an_approved_request_covers_it_and_otherwise_the_way_to_one()
    {
        var number = await ArchivedNumberAsync();
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            await db.SaveChangesAsync();
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveAccess>();
        });
        ctx.SignInAs(clerk);
        var page = ctx.RenderPage<ArchiveBrowser>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-test=request-file]")));
        Assert.Empty(page.FindAll("[data-test=open-file]"));
        await ctx.DisposeComponentsAsync();

        var now = Driver.Time.GetUtcNow();
        await using (var db = Database.CreateContext())
        {
            var access = new ArchiveAccess(db, Driver.Time, feed);
            var (_, request) = await access.RequestAsync(clerk, "核对归档", new AccessScope([number], null, null, null), now, now.AddDays(3));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, request!.Id, null, null, null, null));
        }

        var granted = ctx.RenderPage<ArchiveBrowser>();
        granted.WaitForAssertion(() => Assert.Equal($"/archive/files/{number}?from=archive", granted.Find("[data-test=open-file]").GetAttribute("href")));
        Assert.Empty(granted.FindAll("[data-test=request-file]"));
    }

    [Theory]
    [InlineData("?state=legalhold", "held")]
    [InlineData("?state=LegalHold", "held")]
    [InlineData("?number=", "kept")]
    [InlineData("?state=1", "all")]
    [InlineData("?state=nonsense", "all")]
    public async Task The_address_may_name_a_retention_state_or_a_number_to_show(string query, string expected)
    {
        var kept = await ArchivedNumberAsync();
        var held = await ArchivedNumberAsync();
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "browser.clerk", DisplayName = clerk.Name });
            await db.SaveChangesAsync();
            Assert.Equal(ArchiveError.None, await new ArchiveCatalog(db, Driver.Time, feed).SetLegalHoldAsync(Driver.Leader, held, true));
        }

        await using var ctx = new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveAccess>();
        });
        ctx.SignInAs(clerk);
        // A number is named by its last digits, as a clerk would type it.
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/archive" + (query == "?number=" ? query + kept[^3..] : query));
        var page = ctx.RenderPage<ArchiveBrowser>();

        string[] shown = expected switch
        {
            "held" => [held],
            "kept" => [kept],
            _ => [held, kept],
        };
        page.WaitForAssertion(() => Assert.Equal(shown, page.FindAll("[data-test=archive-number]").Select(n => n.TextContent.Trim())));
    }
}
