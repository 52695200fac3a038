using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Notifications;

/// <summary>Notices reach the named person who owns the work (and the department head), with read state and a live feed.</summary>
public sealed class NoticeBookTests
{
    [Fact]
    public async Task Notice_reaches_the_named_owner_only_and_the_feed_tells_their_bell_at_once()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality, DepartmentCatalog.Production);
        var qualityTask = complaint.Tasks.Single(t => t.DepartmentId == s.Driver.DepartmentId(DepartmentCatalog.Quality));
        var owner = s.Driver.HandlerOf(DepartmentCatalog.Quality);
        var colleague = owner with { UserId = "u-h2-QA", Name = "handler2 QA" };
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var production = s.Driver.HandlerOf(DepartmentCatalog.Production);
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var subscription = feed.Subscribe(heard.Add);
        var signal = new NoticeCommitSignal(feed);

        await using (var db = s.Database.CreateContext(signal))
        {
            var result = await new ComplaintWorkflow(db, s.Driver.Time).ExecuteAsync(id, complaint.Version, WorkflowAction.ReassignTask,
                new() { TaskId = qualityTask.Id, AssigneeUserId = owner.UserId }, head);
            Assert.True(result.Succeeded);
        }

        var assigned = Assert.Single(heard);
        Assert.Equal((true, false, false), (assigned.Concerns(owner), assigned.Concerns(colleague), assigned.Concerns(production)));
        await using var read = s.Database.CreateContext();
        var book = new NoticeBook(read, feed);
        Assert.Equal((1, 0, 0, 1), (await book.CountUnreadAsync(owner), await book.CountUnreadAsync(colleague),
            await book.CountUnreadAsync(production), await book.CountUnreadAsync(head)));

        await using (var db = s.Database.CreateContext(signal))
        {
            await new DeadlineMonitor(db).RunOnceAsync(s.SetLocal("2026-03-20 12:00"));
        }

        // The owner hears of their task going due-soon and overdue; the colleague does not; Production's task has
        // no owner yet, so its handlers hear of it as a role; each head hears of their department's task.
        Assert.True(heard[^1].Concerns(owner));
        Assert.Equal((3, 0, 2, 3), (await book.CountUnreadAsync(owner), await book.CountUnreadAsync(colleague),
            await book.CountUnreadAsync(production), await book.CountUnreadAsync(head)));
        // The bell's capped count (by name and by role, counted apart) agrees with the exact one and stops at the cap.
        foreach (var person in new[] { owner, colleague, production, head, s.Driver.Leader })
        {
            var exact = await book.CountUnreadAsync(person);
            Assert.Equal((exact, Math.Min(exact, 2)), (await book.CountUnreadAsync(person, 100), await book.CountUnreadAsync(person, 2)));
        }

        // The tally names the case the counted notices are about: closing it concerns the owner's bell, closing another does not.
        var tally = await book.TallyUnreadAsync(owner, 100);
        Assert.Equal(3, tally.Count);
        Assert.Equal([id], tally.Cases);
        Assert.Equal((true, false, true), (new NoticesChanged([], [id]).Concerns(owner, tally), new NoticesChanged([], [id + 1]).Concerns(owner, tally),
            new NoticesChanged([], [id + 1]).Concerns(owner, null)));

        var unread = await book.UnreadAsync(owner);
        Assert.All(unread, n => Assert.True(n.IsPersonal));
        Assert.Equal([NotificationKind.DeadlineOverdue, NotificationKind.DeadlineDueSoon, NotificationKind.TaskAssigned], unread.Select(n => n.Kind));
        var leadership = s.Driver.Leader;
        var toLeadership = Assert.Single(await book.UnreadAsync(leadership));
        Assert.Contains($"(QA {owner.Name})", toLeadership.Text, StringComparison.Ordinal);
        Assert.Contains("(PROD no owner)", toLeadership.Text, StringComparison.Ordinal);

        Assert.False(await book.MarkReadAsync(colleague, unread[0].Id, s.Driver.Time.GetUtcNow()));
        Assert.True(await book.MarkReadAsync(owner, unread[0].Id, s.Driver.Time.GetUtcNow()));
        Assert.True(heard[^1].Concerns(owner));
        Assert.Equal(2, await book.CountUnreadAsync(owner));
        Assert.Equal(2, await book.MarkAllReadAsync(owner, s.Driver.Time.GetUtcNow()));
        Assert.Equal(0, await book.CountUnreadAsync(owner));
        Assert.All(await book.ListAsync(owner), n => Assert.True(n.IsRead));
    }

    [Fact]
    public void A_notice_to_a_role_names_the_role_since_an_empty_role_marks_a_notice_to_a_person()
    {
        var at = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
        Assert.Throws<ArgumentException>(() => new Notification("", null, 1, NotificationKind.Escalated, "C-1: urgent", at));
        Assert.Throws<ArgumentException>(() => new Notification(" ", 3, 1, NotificationKind.TaskAssigned, "C-1: QA", at));
        var toPerson = Notification.ToPerson("u-1", 1, NotificationKind.TaskAssigned, "C-1: owner", at);
        Assert.Equal(("", null, "u-1"), (toPerson.RecipientRole, toPerson.RecipientDepartmentId, toPerson.RecipientUserId));
        var toRole = new Notification(PortalRoles.DepartmentHead, 3, 1, NotificationKind.TaskAssigned, "C-1: QA", at);
        Assert.Equal((PortalRoles.DepartmentHead, (int?)3, (string?)null), (toRole.RecipientRole, toRole.RecipientDepartmentId, toRole.RecipientUserId));
    }

    [Fact]
    public async Task Notices_of_a_closed_case_leave_the_unread_list_but_stay_in_the_list()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var complaint = await s.Driver.CaseInStageAsync(CaseStage.InDepartments);
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var subscription = feed.Subscribe(heard.Add);
        await using var read = s.Database.CreateContext();
        var book = new NoticeBook(read, feed);
        Assert.Equal(1, await book.CountUnreadAsync(head));

        await using (var db = s.Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var result = await new ComplaintWorkflow(db, s.Driver.Time).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Withdraw,
                new() { Note = "客户撤诉" }, s.Driver.Clerk);
            Assert.True(result.Succeeded);
        }

        Assert.Equal([complaint.Id], Assert.Single(heard).ClosedComplaintIds);
        Assert.True(heard[0].Concerns(head));
        Assert.Equal(0, await book.CountUnreadAsync(head));
        var listed = Assert.Single(await book.ListAsync(head));
        Assert.Equal((CaseStage.Withdrawn, false), (listed.CaseStage, listed.IsRead));
    }

    [Fact]
    public async Task Opening_a_case_reads_the_reader_s_notices_about_it_and_no_one_else_s_nor_those_of_other_cases()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var opened = await s.Driver.CaseInStageAsync(CaseStage.InDepartments);
        var other = await s.Driver.CaseInStageAsync(CaseStage.InDepartments);
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var colleague = head with { UserId = "u-head2-QA", Name = "head2 QA" };
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var subscription = feed.Subscribe(heard.Add);
        await using var read = s.Database.CreateContext();
        var book = new NoticeBook(read, feed);
        Assert.Equal((2, 2), (await book.CountUnreadAsync(head), await book.CountUnreadAsync(colleague)));

        Assert.Equal(1, await book.MarkCaseReadAsync(head, opened.Id, s.Driver.Time.GetUtcNow()));

        // The head's notice about the other case stays unread, and so does the colleague's about the one opened.
        var left = Assert.Single(await book.UnreadAsync(head));
        Assert.Equal(other.Id, left.ComplaintId);
        Assert.Equal(2, await book.CountUnreadAsync(colleague));
        Assert.True(Assert.Single(await book.ListAsync(head), n => n.ComplaintId == opened.Id).IsRead);
        // The head's other pages count again; opening the case a second time has nothing left to read and tells nobody.
        Assert.True(Assert.Single(heard).Reaches(head));
        Assert.Equal(0, await book.MarkCaseReadAsync(head, opened.Id, s.Driver.Time.GetUtcNow()));
        Assert.Single(heard);
    }

    [Fact]
    public async Task A_notice_saved_inside_a_transaction_is_announced_when_it_commits_and_never_when_it_rolls_back()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        var complaint = await s.Driver.RegisterAsync();
        var feed = new NoticeFeed();
        var heard = new List<(NoticesChanged Change, int Stored)>();
        using var subscription = feed.Subscribe(change =>
        {
            // What a bell counting again at this moment would find, read through another connection.
            using var other = s.Database.CreateContext();
            heard.Add((change, other.Notifications.Count(n => n.Text == "commit-test")));
        });
        Notification Notice() => new(PortalRoles.Leadership, null, complaint.Id, NotificationKind.Escalated, "commit-test", s.Driver.Time.GetUtcNow());

        await using (var db = s.Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Notice());
            await db.SaveChangesAsync();
            Assert.Empty(heard);
            await transaction.CommitAsync();
        }

        var (committed, stored) = Assert.Single(heard);
        Assert.Equal(1, stored);
        Assert.Equal([new NoticeAddress(null, PortalRoles.Leadership, null)], committed.Addresses);

        await using (var db = s.Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Notice());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            // A save of its own afterwards is announced at once, and only it.
            db.ChangeTracker.Clear();
            db.Notifications.Add(Notice());
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, heard.Count);
        Assert.Equal(2, heard[1].Stored);
    }

    [Fact]
    public async Task Feed_stream_delivers_published_changes_and_ends_when_cancelled()
    {
        var feed = new NoticeFeed();
        using var cancel = new CancellationTokenSource();
        var received = new List<NoticesChanged>();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in feed.WatchAsync(cancel.Token))
            {
                received.Add(change);
                if (received.Count == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        // Publish until the reader has subscribed, taken two changes and been cancelled.
        while (!reading.IsCompleted)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress("u-1", null, null)], []));
            await Task.Delay(10);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(received.Count >= 2);
        Assert.All(received, c => Assert.Equal("u-1", c.Addresses[0].UserId));
    }

    [Fact]
    public async Task Notices_by_name_and_by_role_come_as_one_list_in_time_order_page_by_page()
    {
        // A handler hears of their own tasks by name and of the department's unowned task as a role: the list reads
        // each apart and merges them, so every page must be the same as one ordering of all of them would give.
        await using var s = await DeadlineScenario.CreateAsync();
        var owner = s.Driver.HandlerOf(DepartmentCatalog.Quality);
        var ids = new List<int>();
        foreach (var (at, assign) in new[] { ("2026-03-02 09:30", false), ("2026-03-02 09:40", true), ("2026-03-02 09:50", true), ("2026-03-02 10:00", false) })
        {
            s.SetLocal(at);
            var id = (await s.Driver.RegisterAsync()).Id;
            ids.Add(id);
            await s.Driver.AssessAsync(id);
            await s.Driver.AcknowledgeAsync(id);
            var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
            if (assign)
            {
                await using var db = s.Database.CreateContext();
                var result = await new ComplaintWorkflow(db, s.Driver.Time).ExecuteAsync(id, complaint.Version, WorkflowAction.ReassignTask,
                    new() { TaskId = complaint.Tasks.Single().Id, AssigneeUserId = owner.UserId }, s.Driver.HeadOf(DepartmentCatalog.Quality));
                Assert.True(result.Succeeded);
            }
        }

        await using (var db = s.Database.CreateContext())
        {
            await new DeadlineMonitor(db).RunOnceAsync(s.SetLocal("2026-03-20 12:00"));
        }

        await using var read = s.Database.CreateContext();
        var book = new NoticeBook(read, new NoticeFeed());
        var expected = await read.Notifications
            .Where(n => n.RecipientUserId == owner.UserId
                || (n.RecipientUserId == null && n.RecipientRole == PortalRoles.DepartmentHandler && n.RecipientDepartmentId == owner.DepartmentId))
            .Select(n => new { n.Id, n.CreatedAt, n.RecipientUserId })
            .ToListAsync();
        var newest = expected.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToList();
        Assert.True(newest.Count >= 6);
        // By name and by role interleave in time: the newest notice and an older one differ in how they arrived.
        Assert.Contains(newest.Skip(1), n => (n.RecipientUserId is null) != (newest[0].RecipientUserId is null));

        foreach (var (order, want) in new[] { (NoticeOrder.NewestFirst, newest), (NoticeOrder.OldestFirst, newest.AsEnumerable().Reverse().ToList()) })
        {
            var paged = new List<int>();
            for (var skip = 0; skip < want.Count + 3; skip += 3)
            {
                var (page, total) = await book.PageAsync(owner, unreadOnly: false, skip, 3, order);
                Assert.Equal(want.Count, total);
                paged.AddRange(page.Select(n => n.Id));
            }

            Assert.Equal(want.Select(n => n.Id), paged);
        }

        Assert.Equal(newest.Take(4).Select(n => n.Id), (await book.UnreadAsync(owner, take: 4)).Select(n => n.Id));
        Assert.Equal(newest.Select(n => n.Id), (await book.ListAsync(owner)).Select(n => n.Id));

        // The unread total (counted by the open cases' ids) leaves out what the owner read and what is about a closed case,
        // as the unread pages do.
        Assert.True(await book.MarkReadAsync(owner, newest[0].Id, s.Driver.Time.GetUtcNow()));
        await read.Complaints.Where(c => c.Id == ids[0]).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CaseStage.Closed));
        var ofClosed = await read.Notifications.Where(n => n.ComplaintId == ids[0]).Select(n => n.Id).ToListAsync();
        var unread = newest.Where(n => n.Id != newest[0].Id && !ofClosed.Contains(n.Id)).Select(n => n.Id).ToList();
        Assert.NotEmpty(ofClosed.Intersect(newest.Select(n => n.Id)));
        var (unreadPage, unreadTotal) = await book.PageAsync(owner, unreadOnly: true, 0, 100);
        Assert.Equal(unread, unreadPage.Select(n => n.Id));
        Assert.Equal(unread.Count, unreadTotal);
        // Paged two or three at a time, either way round: pages past the middle are read from the end and come out the same.
        foreach (var (order, want) in new[] { (NoticeOrder.NewestFirst, unread), (NoticeOrder.OldestFirst, unread.AsEnumerable().Reverse().ToList()) })
        {
            foreach (var size in new[] { 2, 3 })
            {
                var paged = new List<int>();
                for (var skip = 0; skip < want.Count + size; skip += size)
                {
                    paged.AddRange((await book.PageAsync(owner, unreadOnly: true, skip, size, order)).Notices.Select(n => n.Id));
                }

                Assert.Equal(want, paged);
            }
        }
    }

    [Fact]
    public async Task A_page_of_notices_comes_newest_first_unless_asked_oldest_first_or_by_case()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        var numbers = new List<string>();
        foreach (var at in new[] { "2026-03-02 09:30", "2026-03-02 10:30" })
        {
            s.SetLocal(at);
            var id = (await s.Driver.RegisterAsync()).Id;
            await s.Driver.AssessAsync(id);
            await s.Driver.AcknowledgeAsync(id);
            numbers.Add((await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality)).CaseNumber);
        }

        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        await using var db = s.Database.CreateContext();
        var book = new NoticeBook(db, new NoticeFeed());
        async Task<List<(string Case, DateTimeOffset At)>> PageAsync(NoticeOrder order) =>
            [.. (await book.PageAsync(head, unreadOnly: false, 0, 50, order)).Notices.Select(n => (n.CaseNumber!, n.CreatedAt))];

        var newest = await PageAsync(NoticeOrder.NewestFirst);
        Assert.True(newest.Count >= 2);
        Assert.Equal(numbers[1], newest[0].Case);
        Assert.Equal(newest.OrderByDescending(n => n.At).Select(n => n.At), newest.Select(n => n.At));
        Assert.Equal(newest.Select(n => n.At).Reverse(), (await PageAsync(NoticeOrder.OldestFirst)).Select(n => n.At));
        Assert.Equal(numbers[0], (await PageAsync(NoticeOrder.OldestFirst))[0].Case);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), (await PageAsync(NoticeOrder.CaseAscending)).Select(n => n.Case).Distinct());
        Assert.Equal(numbers.OrderDescending(StringComparer.Ordinal), (await PageAsync(NoticeOrder.CaseDescending)).Select(n => n.Case).Distinct());
    }
}
