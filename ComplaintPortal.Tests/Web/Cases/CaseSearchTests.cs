using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web.Cases;

/// <summary>Search and queue queries on a real database: what a word matches, the filters, paging, sorting and who sees what.</summary>
public sealed class CaseSearchTests : CaseDatabaseTest
{
    private static readonly CaseListRequest FirstPage = new(0, 50);

    private async Task<Complaint> RegisterAsync(string phone, string description, string? product = null, ComplaintChannel channel = ComplaintChannel.Hotline) =>
        await Driver.RegisterAsync(new IntakeRequest
        {
            Channel = channel,
            Complainant = new() { Name = "赵六", Phone = phone },
            Subject = new() { ProductModel = product },
            Description = description,
        });

    private async Task<IReadOnlyList<string>> FindAsync(CaseSearch search, ActingUser? viewer = null)
    {
        await using var db = Database.CreateContext();
        var page = await new CaseQueries(db).SearchAsync(search, viewer ?? Driver.Clerk, FirstPage);
        return page.Rows.Select(r => r.CaseNumber).ToList();
    }

    [Fact]
    public async Task A_word_finds_part_of_a_case_number_the_last_four_phone_digits_and_words_of_the_complaint_or_product()
    {
        var kettle = await RegisterAsync("13812345678", "电水壶底座漏电", "XP-200");
        var lift = await RegisterAsync("13900001111", "电梯门夹人");

        Assert.Equal([kettle.CaseNumber], await FindAsync(new() { Text = "5678" }));
        Assert.Equal([lift.CaseNumber], await FindAsync(new() { Text = "1111" }));
        Assert.Equal([kettle.CaseNumber], await FindAsync(new() { Text = kettle.CaseNumber[^4..] }));
        Assert.Equal([lift.CaseNumber], await FindAsync(new() { Text = lift.CaseNumber[3..] }));
        Assert.Equal([kettle.CaseNumber], await FindAsync(new() { Text = "漏电" }));
        Assert.Equal([kettle.CaseNumber], await FindAsync(new() { Text = "xp-200" }));
        Assert.Equal([lift.CaseNumber], await FindAsync(new() { Text = "赵 电梯" }));
        // A given name finds the whole name (赵六), not only the family name at its start.
        Assert.Equal([lift.CaseNumber], await FindAsync(new() { Text = "六 电梯" }));
        Assert.Empty(await FindAsync(new() { Text = "漏电 电梯" }));
        Assert.Empty(await FindAsync(new() { Text = "100%" }));
    }

    [Fact]
    public async Task Filters_narrow_by_stage_channel_category_with_its_children_and_received_date()
    {
        var online = await RegisterAsync("13800000001", "网上投诉", channel: ComplaintChannel.Online);
        var assessed = await RegisterAsync("13800000002", "热线投诉");
        await Driver.DoAsync(assessed.Id, WorkflowAction.Assess, new() { CategoryId = Driver.CategoryId("QUALITY.DEFECT"), Severity = Severity.Minor, Urgency = Urgency.Normal }, Driver.Clerk);
        var quality = Driver.CategoryId(CategoryCatalog.ProductQuality);
        await using var db = Database.CreateContext();
        var children = await db.Categories.Where(c => c.Id == quality || c.ParentId == quality).Select(c => c.Id).ToListAsync();
        var received = assessed.ReceivedAt;

        Assert.Equal([online.CaseNumber], await FindAsync(new() { Channel = ComplaintChannel.Online }));
        Assert.Equal([assessed.CaseNumber], await FindAsync(new() { Stage = CaseStage.Assessed }));
        Assert.Equal([assessed.CaseNumber], await FindAsync(new() { CategoryIds = children }));
        Assert.Equal(2, (await FindAsync(new() { ReceivedFrom = received.AddDays(-1), ReceivedBefore = received.AddDays(1) })).Count);
        Assert.Empty(await FindAsync(new() { ReceivedFrom = received.AddDays(1) }));
    }

    [Fact]
    public async Task Pages_come_from_the_server_with_the_total_and_sort_by_the_next_deadline()
    {
        var cases = new List<Complaint>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await RegisterAsync("1380000000" + i, "投诉" + i));
        }

        await Driver.DoAsync(cases[0].Id, WorkflowAction.Withdraw, new() { Note = "撤诉" }, Driver.Clerk);
        await using var db = Database.CreateContext();
        var queries = new CaseQueries(db);

        var second = await queries.SearchAsync(new(), Driver.Clerk, new CaseListRequest(1, 2, nameof(CaseRow.CaseNumber)));
        var byDeadline = await queries.SearchAsync(new(), Driver.Clerk, new CaseListRequest(0, 10, nameof(CaseRow.NextDue)));

        Assert.Equal(5, second.Total);
        Assert.Equal([cases[2].CaseNumber, cases[3].CaseNumber], second.Rows.Select(r => r.CaseNumber));
        // The withdrawn case has no running deadline: it sorts last; the others by their first deadline.
        Assert.Equal(cases[0].CaseNumber, byDeadline.Rows[^1].CaseNumber);
        Assert.Null(byDeadline.Rows[^1].NextDue);
        Assert.True(byDeadline.Rows.Take(4).Select(r => r.NextDue!.Value).SequenceEqual(byDeadline.Rows.Take(4).Select(r => r.NextDue!.Value).Order()));
    }

    [Fact]
    public async Task Past_the_cap_a_search_says_more_than_and_pages_through_the_first_matches_in_the_same_order()
    {
        var cases = new List<Complaint>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await RegisterAsync("1390000000" + i, i == 4 ? "电梯门夹人" : "空调不制冷，按钮失灵"));
        }

        await using var db = Database.CreateContext();
        var capped = new CaseQueries(db) { SearchTotalCap = 3 };
        var whole = new CaseQueries(db);
        // The uncapped list's order (newest first; these were received at the same instant, so by case after that).
        var newestFirst = (await whole.SearchAsync(new(), Driver.Clerk, FirstPage)).Rows.Select(r => r.CaseNumber).ToList();
        Assert.Equal(cases.Select(c => c.CaseNumber).Order(StringComparer.Ordinal), newestFirst.Order(StringComparer.Ordinal));

        // Every case matches: counted up to the cap, and the pages inside it are the uncapped list's.
        var all = await capped.SearchAsync(new(), Driver.Clerk, new CaseListRequest(0, 2));
        var second = await capped.SearchAsync(new(), Driver.Clerk, new CaseListRequest(1, 2));
        Assert.Equal((3, true), (all.Total, all.MoreThanTotal));
        Assert.Equal(newestFirst[..2], all.Rows.Select(r => r.CaseNumber));
        Assert.Equal(newestFirst[2..4], second.Rows.Select(r => r.CaseNumber));
        Assert.Equal((5, false), ((await whole.SearchAsync(new(), Driver.Clerk, FirstPage)).Total, (await whole.SearchAsync(new(), Driver.Clerk, FirstPage)).MoreThanTotal));

        // A word of the index's length (four characters) with more matches than the cap: read without the index, same cases.
        var many = await capped.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, new CaseListRequest(0, 10));
        Assert.Equal((3, true), (many.Total, many.MoreThanTotal));
        var withoutLift = newestFirst.Where(n => n != cases[4].CaseNumber).ToList();
        Assert.Equal(withoutLift, many.Rows.Select(r => r.CaseNumber));
        Assert.Equal(withoutLift, (await whole.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, FirstPage)).Rows.Select(r => r.CaseNumber));

        // Under the cap: counted exactly.
        var few = await capped.SearchAsync(new() { Text = "电梯门" }, Driver.Clerk, FirstPage);
        Assert.Equal((1, false, cases[4].CaseNumber), (few.Total, few.MoreThanTotal, Assert.Single(few.Rows).CaseNumber));
    }

    [Fact]
    public async Task Past_the_cap_another_order_sorts_the_newest_matches_the_pager_counts()
    {
        var cases = new List<Complaint>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await RegisterAsync("1380000000" + i, "空调不制冷，按钮失灵"));
        }

        await using var db = Database.CreateContext();
        var capped = new CaseQueries(db) { SearchTotalCap = 3 };
        var whole = new CaseQueries(db);
        var newestFirst = (await whole.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, FirstPage)).Rows.Select(r => r.CaseNumber).ToList();
        // The oldest match is the only urgent one: first by priority among all matches, outside the newest three.
        var oldest = newestFirst[^1];
        await db.Complaints.Where(c => c.CaseNumber == oldest).ExecuteUpdateAsync(u => u.SetProperty(c => c.Priority, Priority.Urgent));

        var byPriority = new CaseListRequest(0, 10, nameof(CaseRow.Priority), Descending: true);
        Assert.Equal(oldest, (await whole.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, byPriority)).Rows[0].CaseNumber);

        var page = await capped.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, byPriority);
        Assert.Equal((3, true), (page.Total, page.MoreThanTotal));
        Assert.Equal(newestFirst[..3].Order(StringComparer.Ordinal), page.Rows.Select(r => r.CaseNumber).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(oldest, page.Rows.Select(r => r.CaseNumber));

        // Oldest first sorts the same three, the other way round.
        var oldestFirst = await capped.SearchAsync(new() { Text = "按钮失灵" }, Driver.Clerk, new CaseListRequest(0, 10, nameof(CaseRow.CaseNumber)));
        Assert.Equal(newestFirst[..3].Order(StringComparer.Ordinal), oldestFirst.Rows.Select(r => r.CaseNumber));
    }

    [Fact]
    public async Task The_list_filter_admits_exactly_the_cases_the_case_page_admits()
    {
        var quality = (await Driver.CaseInStageAsync(CaseStage.InDepartments)).Id; // QA and PROD
        var engineering = await RegisterAsync("13800000009", "电梯");
        await Driver.AssessAsync(engineering.Id);
        await Driver.AcknowledgeAsync(engineering.Id);
        await Driver.DispatchAsync(engineering.Id, DepartmentCatalog.Engineering);
        var fresh = (await RegisterAsync("13800000010", "新登记")).Id;
        var archivist = new ActingUser("u-archive", "档案", null, new HashSet<string>([PortalRoles.ArchiveClerk]));
        var viewers = new[]
        {
            Driver.Clerk, Driver.Leader, Driver.Outsider, archivist, Driver.HandlerOf(DepartmentCatalog.Quality),
            Driver.HeadOf(DepartmentCatalog.Engineering), Driver.HandlerOf(DepartmentCatalog.Sales),
        };
        await using var db = Database.CreateContext();
        var all = await db.Complaints.AsNoTracking().Include(c => c.Tasks).ToListAsync();

        foreach (var viewer in viewers)
        {
            var listed = await db.Complaints.AsNoTracking().VisibleTo(viewer).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(all.Where(c => CaseAccess.MaySee(c, viewer)).Select(c => c.Id).Order(), listed);
        }

        var engineer = Driver.HeadOf(DepartmentCatalog.Engineering);
        Assert.DoesNotContain(quality, await db.Complaints.VisibleTo(engineer).Select(c => c.Id).ToListAsync());
        Assert.DoesNotContain(fresh, await db.Complaints.VisibleTo(engineer).Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task Search_never_shows_a_case_of_another_department_and_masks_what_the_viewer_does_not_work()
    {
        var quality = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var engineering = await Driver.RegisterAsync();
        await Driver.AssessAsync(engineering.Id);
        await Driver.AcknowledgeAsync(engineering.Id);
        await Driver.DispatchAsync(engineering.Id, DepartmentCatalog.Engineering);
        await using var db = Database.CreateContext();
        var queries = new CaseQueries(db);

        var engineer = await queries.SearchAsync(new() { Text = "漏电" }, Driver.HandlerOf(DepartmentCatalog.Engineering), FirstPage);
        var supervisor = await queries.SearchAsync(new() { Text = "漏电" }, Driver.Outsider, FirstPage);

        Assert.Equal([engineering.CaseNumber], engineer.Rows.Select(r => r.CaseNumber));
        Assert.True(engineer.Rows.Single().ViewerWorksIt);
        Assert.Contains(quality.CaseNumber, supervisor.Rows.Select(r => r.CaseNumber));
        Assert.All(supervisor.Rows, r => Assert.False(r.ViewerWorksIt));
    }

    [Fact]
    public async Task Queue_of_a_department_holds_its_open_tasks_with_the_next_deadline()
    {
        var quality = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        await using var db = Database.CreateContext();

        var page = await new CaseQueries(db).QueueAsync(Driver.HandlerOf(DepartmentCatalog.Quality), FirstPage);

        var row = Assert.Single(page.Rows);
        Assert.Equal(quality.CaseNumber, row.CaseNumber);
        var due = await db.CaseDeadlines.Where(d => d.ComplaintId == quality.Id && d.MetAt == null).MinAsync(d => d.DueAt);
        Assert.Equal(due, row.NextDue);
        Assert.NotNull(row.NextDueSoon);
    }
}
