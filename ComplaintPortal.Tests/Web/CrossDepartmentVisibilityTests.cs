using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// A case worked only by engineering never shows to quality on any surface that lists, finds, counts, exports,
/// reports or streams cases. The surfaces (each a test below): the case page, search (by number, phone and
/// text), the queue, the queue's notices and their unread count, the board's rows and totals, the board
/// export, the board's live change feed (per audience), and the timeliness report of a department head.
/// Supervision notices are scoped to their department by <c>Committee</c> (tested in Supervision); figures
/// and the monthly trend are counts without cases. Each test has its positive control: the same surface
/// shows quality's own case, and engineering its case.
/// </summary>
public sealed class CrossDepartmentVisibilityTests : IClassFixture<CrossDepartmentVisibilityTests.Seeded>
{
    private static readonly string[] Quality = ["handler.qa", "head.qa"];

    private readonly Seeded seeded;

    public CrossDepartmentVisibilityTests(Seeded seeded) => this.seeded = seeded;

    [Fact]
    public async Task Case_page_answers_404_to_another_department()
    {
        foreach (var user in Quality)
        {
            var client = await seeded.App.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CaseRoutes.Case(seeded.Engineering.CaseNumber))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CaseRoutes.Case(seeded.Quality.CaseNumber))).StatusCode);
        }
    }

    [Theory]
    [InlineData("number")]
    [InlineData("phone")]
    [InlineData("text")]
    [InlineData("phone-end")]
    public async Task Search_finds_nothing_of_another_department_by_any_key(string key)
    {
        var text = key switch
        {
            "number" => seeded.Engineering.CaseNumber,
            "phone" => Seeded.EngineeringPhone,
            "phone-end" => Seeded.EngineeringPhone[^4..],
            _ => Seeded.EngineeringWord,
        };

        foreach (var user in Quality)
        {
            var page = await seeded.InScopeAsync(user, (sp, actor) => sp.GetRequiredService<CaseQueries>()
                .SearchAsync(new CaseSearch { Text = text }, actor, new CaseListRequest(0, 100)));
            Assert.Equal(0, page.Total);
            Assert.Empty(page.Rows);
        }

        var engineer = await seeded.InScopeAsync("handler.eng", (sp, actor) => sp.GetRequiredService<CaseQueries>()
            .SearchAsync(new CaseSearch { Text = text }, actor, new CaseListRequest(0, 100)));
        Assert.Contains(engineer.Rows, r => r.Id == seeded.Engineering.Id);
    }

    [Fact]
    public async Task Queue_and_its_count_hold_only_the_departments_own_cases()
    {
        foreach (var user in Quality)
        {
            var queue = await seeded.InScopeAsync(user, (sp, actor) => sp.GetRequiredService<CaseQueries>().QueueAsync(actor, new CaseListRequest(0, 100)));
            Assert.DoesNotContain(queue.Rows, r => r.Id == seeded.Engineering.Id);
            Assert.Contains(queue.Rows, r => r.Id == seeded.Quality.Id);
            Assert.Equal(queue.Rows.Count, queue.Total);
        }
    }

    [Fact]
    public async Task Notices_and_the_unread_count_leave_out_another_departments_case()
    {
        foreach (var user in Quality.Append("handler.eng").Append("head.eng"))
        {
            var (all, unread, count) = await seeded.InScopeAsync(user, async (sp, actor) =>
            {
                var book = sp.GetRequiredService<NoticeBook>();
                return (await book.ListAsync(actor), await book.UnreadAsync(actor), await book.CountUnreadAsync(actor));
            });
            var foreign = user.EndsWith(".qa", StringComparison.Ordinal) ? seeded.Engineering.Id : seeded.Quality.Id;
            Assert.DoesNotContain(all, n => n.ComplaintId == foreign);
            Assert.Equal(unread.Count, count);
        }

        // Positive control: dispatching told each department's head of its own task.
        var head = await seeded.InScopeAsync("head.eng", (sp, actor) => sp.GetRequiredService<NoticeBook>().ListAsync(actor));
        Assert.Contains(head, n => n.ComplaintId == seeded.Engineering.Id);
    }

    [Fact]
    public async Task A_personal_notice_from_a_department_the_person_has_left_is_no_longer_listed()
    {
        var moved = await seeded.Actions.UserAsync("handler.qa");
        await seeded.App.WithDbAsync(async db =>
        {
            // Addressed to them by name while they worked in engineering; they are in quality now.
            db.Notifications.Add(Notification.ToPerson(moved.UserId, seeded.Engineering.Id, NotificationKind.ReturnedToDepartment, "旧部门的退回", seeded.App.Time.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var (all, count, unread) = await seeded.InScopeAsync("handler.qa", async (sp, actor) =>
        {
            var book = sp.GetRequiredService<NoticeBook>();
            return (await book.ListAsync(actor), await book.CountUnreadAsync(actor), await book.UnreadAsync(actor));
        });

        Assert.DoesNotContain(all, n => n.ComplaintId == seeded.Engineering.Id);
        Assert.Equal(unread.Count, count);
    }

    [Fact]
    public async Task Board_rows_and_totals_count_only_what_the_department_may_open()
    {
        foreach (var user in Quality)
        {
            var (rows, totals) = await seeded.InScopeAsync(user, async (sp, actor) =>
            {
                var viewer = BoardViewers.For(Seeded.Principal(actor), actor.DepartmentId);
                var query = sp.GetRequiredService<BoardQuery>();
                var now = seeded.App.Time.GetUtcNow();
                return (await query.PageAsync(viewer, BoardFilter.None, now, 0, 1000), await query.TotalsAsync(viewer, BoardFilter.None, now));
            });
            Assert.DoesNotContain(rows, r => r.ComplaintId == seeded.Engineering.Id);
            Assert.Contains(rows, r => r.ComplaintId == seeded.Quality.Id);
            Assert.Equal(rows.Count, totals.Open);
        }
    }

    [Fact]
    public async Task Board_export_holds_no_case_of_another_department()
    {
        foreach (var user in Quality)
        {
            var text = await ExportTextAsync(await seeded.App.SignedInAsync(user));
            Assert.DoesNotContain(seeded.Engineering.CaseNumber, text, StringComparison.Ordinal);
            Assert.Contains(seeded.Quality.CaseNumber, text, StringComparison.Ordinal);
        }

        var engineer = await ExportTextAsync(await seeded.App.SignedInAsync("handler.eng"));
        Assert.Contains(seeded.Engineering.CaseNumber, engineer, StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.Quality.CaseNumber, engineer, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_board_feed_brings_each_audience_only_its_cases()
    {
        foreach (var user in Quality)
        {
            Assert.Contains(seeded.Quality.Id, seeded.Heard[user]);
            Assert.DoesNotContain(seeded.Engineering.Id, seeded.Heard[user]);
        }

        Assert.Contains(seeded.Engineering.Id, seeded.Heard["handler.eng"]);
        Assert.DoesNotContain(seeded.Quality.Id, seeded.Heard["handler.eng"]);
        Assert.Contains(seeded.Engineering.Id, seeded.Heard["leader"]);
        Assert.Contains(seeded.Quality.Id, seeded.Heard["leader"]);
    }

    [Fact]
    public async Task Department_heads_timeliness_report_lists_no_case_of_another_department()
    {
        var period = new ReportPeriod(ReportPeriodKind.Year, seeded.App.Time.GetUtcNow().Year, 1);
        var zone = seeded.App.Services.GetRequiredService<OrganisationClock>().TimeZone;
        var (perDeadline, perComplaint) = await seeded.InScopeAsync("head.qa", async (sp, actor) =>
        {
            var now = seeded.App.Time.GetUtcNow();
            return (await sp.GetRequiredService<TimelinessReport>().ComputeAsync(period, zone, now, actor.DepartmentId),
                await sp.GetRequiredService<ComplaintTimelinessReport>().ComputeAsync(period, zone, now, actor.DepartmentId));
        });

        var listed = perDeadline.Departments.SelectMany(d => d.DueDeadlines.Concat(d.HandledDeadlines)).Select(f => f.ComplaintId)
            .Concat(perDeadline.Missed.Select(m => m.ComplaintId))
            .Concat(perComplaint.Departments.Append(perComplaint.Overall).SelectMany(d => d.Cases).Select(c => c.ComplaintId))
            .ToList();
        Assert.DoesNotContain(seeded.Engineering.Id, listed);
        Assert.Contains(seeded.Quality.Id, listed);
    }

    private static async Task<string> ExportTextAsync(HttpClient client)
    {
        var response = await client.GetAsync("/board/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    /// <summary>
    /// One engineering-only case and one quality-only case, dispatched while boards of quality, engineering and
    /// leadership were open on the portal's own change feed; what each board heard is kept.
    /// </summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public const string EngineeringPhone = "13900007777";
        public const string EngineeringWord = "机密渗水";

        public PortalAppFactory App { get; } = new();

        public AppActions Actions { get; private set; } = default!;

        public Complaint Engineering { get; private set; } = default!;

        public Complaint Quality { get; private set; } = default!;

        public Dictionary<string, HashSet<int>> Heard { get; } = new(StringComparer.Ordinal);

        public static ClaimsPrincipal Principal(ActingUser user) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.UserId), .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

        public async Task<T> InScopeAsync<T>(string userName, Func<IServiceProvider, ActingUser, Task<T>> action)
        {
            var actor = await Actions.UserAsync(userName);
            await using var scope = App.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, actor);
        }

        public async Task InitializeAsync()
        {
            Actions = new AppActions(App.Services);
            Engineering = await AcknowledgedAsync(CaseDriver.SampleIntake() with
            {
                Complainant = new() { Name = "赵秘密", Phone = EngineeringPhone },
                Description = "地下车库" + EngineeringWord + "，墙面开裂",
            });
            Quality = await Actions.AcknowledgedCaseAsync();

            var feed = App.Services.GetRequiredService<BoardChangeFeed>();
            var boards = new Dictionary<string, BoardSubscription>(StringComparer.Ordinal);
            foreach (var user in new[] { "handler.qa", "head.qa", "handler.eng", "leader" })
            {
                var principal = Principal(await Actions.UserAsync(user));
                boards[user] = feed.Subscribe(() => Task.FromResult(principal));
                Heard[user] = [];
            }

            await Actions.DispatchAsync(Engineering.Id, DepartmentCatalog.Engineering);
            await Actions.DispatchAsync(Quality.Id, DepartmentCatalog.Quality);

            // Changes of different cases may reach a board in either order (a local commit publishes at once, the
            // relay catches up), so each board waits for every case it must hear; the leader hears both, so by then
            // both changes have been offered to every audience and a wrongly delivered row would have been seen.
            var expected = new Dictionary<string, int[]>(StringComparer.Ordinal)
            {
                ["handler.qa"] = [Quality.Id], ["head.qa"] = [Quality.Id], ["handler.eng"] = [Engineering.Id],
                ["leader"] = [Engineering.Id, Quality.Id],
            };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            foreach (var (user, board) in boards.OrderBy(b => b.Key == "leader" ? 0 : 1))
            {
                while (!expected[user].All(Heard[user].Contains))
                {
                    if (await board.Updates.ReadAsync(timeout.Token) is BoardRowChanged { Row: not null } change)
                    {
                        Heard[user].Add(change.ComplaintId);
                    }
                }
            }

            // Engineering's board: wait past quality's dispatch too, so a wrongly delivered row would be seen.
            var marker = await Actions.RegisterAsync();
            await Actions.DoAsync(marker.Id, WorkflowAction.Assess, new()
            {
                CategoryId = await Actions.CategoryIdAsync(CategoryCatalog.ProductQuality), Severity = Severity.Moderate, Urgency = Urgency.Normal,
            }, "intake");
            await Actions.DoAsync(marker.Id, WorkflowAction.Acknowledge, new() { Note = "已受理", PromisedCompletionAt = App.Time.GetUtcNow().AddDays(7) }, "intake");
            await Actions.DispatchAsync(marker.Id, DepartmentCatalog.Engineering);
            while (!Heard["handler.eng"].Contains(marker.Id))
            {
                if (await boards["handler.eng"].Updates.ReadAsync(timeout.Token) is BoardRowChanged { Row: not null } change)
                {
                    Heard["handler.eng"].Add(change.ComplaintId);
                }
            }

            foreach (var board in boards.Values)
            {
                board.Dispose();
            }
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }

        private async Task<Complaint> AcknowledgedAsync(IntakeRequest request)
        {
            var clerk = await Actions.UserAsync("intake");
            Complaint complaint;
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().RegisterAsync(request, clerk);
                Assert.True(result.Succeeded, string.Join(",", result.Errors));
                complaint = result.Complaint!;
            }

            await Actions.DoAsync(complaint.Id, WorkflowAction.Assess, new()
            {
                CategoryId = await Actions.CategoryIdAsync(CategoryCatalog.ProductQuality), Severity = Severity.Moderate, Urgency = Urgency.Normal,
            }, "intake");
            return await Actions.DoAsync(complaint.Id, WorkflowAction.Acknowledge, new()
            {
                Note = "已受理", PromisedCompletionAt = App.Time.GetUtcNow().AddDays(7),
            }, "intake");
        }
    }
}
