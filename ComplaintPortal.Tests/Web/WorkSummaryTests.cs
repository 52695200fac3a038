using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The home page opens on what waits for the person, counted for each of their roles, through the real pipeline: the
/// queue and how much of it is late, rectification notices, checks, archive requests and loans, unread notifications.
/// </summary>
public sealed partial class WorkSummaryTests
{
    private static async Task<Dictionary<string, (int Count, string Tone)>> TilesAsync(HttpClient client)
    {
        var home = await client.GetStringAsync("/");
        return TileMarkup().Matches(home).ToDictionary(m => m.Groups["key"].Value,
            m => (int.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), m.Groups["tone"].Value));
    }

    [Fact]
    public async Task Each_role_sees_the_counts_of_its_own_work_and_no_others()
    {
        using var app = new PortalAppFactory();
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["intake"] = ["queue", "overdue", "due-soon", "unread"],
            ["handler.qa"] = ["queue", "overdue", "due-soon", "unread"],
            ["head.qa"] = ["queue", "overdue", "due-soon", "unassigned", "to-answer", "improvements", "unread"],
            ["leader"] = ["queue", "overdue", "due-soon", "improvements-to-verify", "approvals", "disposals", "unread"],
            ["supervisor"] = ["to-check", "to-verify", "improvements-to-verify", "unread"],
            ["archivist"] = ["on-loan", "loan-overdue", "unread"],
            ["admin"] = ["unread"],
        };

        foreach (var (user, keys) in expected)
        {
            var tiles = await TilesAsync(await app.SignedInAsync(user));
            Assert.Equal(keys, tiles.Keys);
            Assert.All(tiles.Values, t => Assert.Equal((0, "Calm"), t));
        }
    }

    [Fact]
    public async Task A_department_counts_its_open_case_and_shows_it_late_once_the_deadline_has_passed()
    {
        using var app = new PortalAppFactory();
        var actions = new AppActions(app.Services);
        var id = (await actions.AcknowledgedCaseAsync()).Id;
        await actions.DispatchAsync(id, DepartmentCatalog.Quality);
        var head = await app.SignedInAsync("head.qa");
        var otherHead = await app.SignedInAsync("head.eng");

        var fresh = await TilesAsync(head);
        Assert.Equal((1, "Calm"), fresh["queue"]);
        Assert.Equal((0, "Calm"), fresh["overdue"]);
        Assert.Equal(0, (await TilesAsync(otherHead))["queue"].Count);

        // Inside the earliest deadline's warning time: due soon, not yet late.
        var next = await app.WithDbAsync(db => db.CaseDeadlines.Where(d => d.ComplaintId == id && d.MetAt == null).OrderBy(d => d.DueAt).FirstAsync());
        ((SettableTimeProvider)app.Time).Set(next.DueSoonAt + ((next.DueAt - next.DueSoonAt) / 2));
        var soon = await TilesAsync(await app.SignedInAsync("head.qa"));
        Assert.Equal((1, "Attention"), soon["due-soon"]);
        Assert.Equal(0, soon["overdue"].Count);

        ((SettableTimeProvider)app.Time).Advance(TimeSpan.FromDays(60));
        var late = await TilesAsync(await app.SignedInAsync("head.qa")); // the earlier sign-in has expired by then

        Assert.Equal(1, late["queue"].Count);
        Assert.Equal((1, "Late"), late["overdue"]);
        Assert.Equal(0, late["due-soon"].Count);
        // The clerk's queue no longer holds the dispatched case: the department has the next move.
        Assert.Equal(0, (await TilesAsync(await app.SignedInAsync("intake")))["queue"].Count);
    }

    [Fact]
    public async Task Leader_counts_requests_to_decide_and_the_archive_clerk_counts_loans_and_late_returns()
    {
        using var app = new PortalAppFactory { Settings = { ["Archive:JobsEnabled"] = "false" } };
        var time = (SettableTimeProvider)app.Time;
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        await actions.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "撤诉" }, "intake");
        time.Advance(TimeSpan.FromDays(8));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(time.GetUtcNow());
        }

        var number = await app.WithDbAsync(db => db.ArchivedFiles.Where(f => f.ComplaintId == complaint.Id).Select(f => f.ArchiveNumber).SingleAsync());
        var leader = await app.SignedInAsync("leader");
        var clerk = await app.SignedInAsync("archivist");
        int requestId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var now = time.GetUtcNow();
            var (_, request) = await scope.ServiceProvider.GetRequiredService<ArchiveAccess>()
                .RequestAsync(await actions.UserAsync("handler.qa"), "复核", new AccessScope([number], null, null, null), now, now.AddDays(1));
            requestId = request!.Id;
        }

        Assert.Equal((1, "Attention"), (await TilesAsync(leader))["approvals"]);
        Assert.Equal(0, (await TilesAsync(clerk))["on-loan"].Count);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(ArchiveError.None, await scope.ServiceProvider.GetRequiredService<ArchiveAccess>()
                .ApproveAsync(await actions.UserAsync("leader"), requestId, null, null, null, null));
        }

        Assert.Equal((0, "Calm"), (await TilesAsync(leader))["approvals"]);
        var onLoan = await TilesAsync(clerk);
        Assert.Equal(1, onLoan["on-loan"].Count);
        Assert.Equal((0, "Calm"), onLoan["loan-overdue"]);

        time.Advance(TimeSpan.FromDays(2));
        var later = await app.SignedInAsync("archivist");
        Assert.Equal((1, "Late"), (await TilesAsync(later))["loan-overdue"]);
        // Each tile opens the desk on its own tab.
        var home = await later.GetStringAsync("/");
        Assert.Contains("href=\"/archive/desk?show=overdue\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/archive/desk?show=onloan\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_stopped_at_its_limit_reads_as_more_than_the_limit()
    {
        var unread = new ComplaintPortal.Web.Features.Home.WorkTile("unread", "未读通知", 100, "/notices", ComplaintPortal.Web.Features.Home.WorkTone.Attention, AtMost: 99);
        Assert.Equal("99+", unread.CountText(CultureInfo.InvariantCulture));
        Assert.Equal("99", (unread with { Count = 99 }).CountText(CultureInfo.InvariantCulture));
        Assert.Equal("1,234", (unread with { Count = 1234, AtMost = null }).CountText(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""data-tile="(?<key>[^"]+)"[^>]*?data-tone="(?<tone>[^"]+)".*?data-test="work-count"[^>]*>(?<count>[\d,]+)<""", RegexOptions.Singleline)]
    private static partial Regex TileMarkup();
}
