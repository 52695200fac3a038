using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Cases;

public sealed class QueuePageTests : CasePageTest
{
    [Fact]
    public async Task Department_queue_lists_its_task_with_the_next_deadline_and_its_notices_in_words()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var cut = ctx.RenderPage<Queue>();

        cut.WaitForElement($"[data-case='{complaint.CaseNumber}']");
        Assert.Single(cut.FindAll("[data-test=case-table] portal-countdown"));
        var notice = cut.WaitForElement("[data-notice=TaskAssigned]").TextContent;
        Assert.Contains("部门新任务", notice, StringComparison.Ordinal);
        Assert.Contains(complaint.CaseNumber, notice, StringComparison.Ordinal);
        Assert.DoesNotContain("TaskAssigned", notice, StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_department_sees_which_of_its_tasks_were_chased_and_how_often_and_another_department_on_the_case_sees_no_mark()
    {
        var ctx = Open();
        var chased = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quiet = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = chased.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(DepartmentCatalog.Quality));
        for (var i = 0; i < 2; i++)
        {
            await Driver.DoAsync(chased.Id, Domain.Workflow.WorkflowAction.ChaseTask, new() { TaskId = task.Id }, Driver.Clerk);
        }

        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<Queue>();
        cut.WaitForElement($"[data-case='{quiet.CaseNumber}']");
        var marks = cut.FindAll("[data-test=row-chased]");
        var production = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        production.SignInAs(Driver.HandlerOf(DepartmentCatalog.Production));
        var other = production.RenderPage<Queue>();
        other.WaitForElement($"[data-case='{quiet.CaseNumber}']");

        var mark = Assert.Single(marks);
        Assert.Equal("本部门任务已被催办（2 次）", mark.GetAttribute("aria-label"));
        Assert.NotNull(mark.Closest("tr")!.QuerySelector($"[data-case='{chased.CaseNumber}']"));
        // Production's task on the same case was not chased.
        Assert.Empty(other.FindAll("[data-test=row-chased]"));
    }

    [Fact]
    public async Task A_head_ticks_cases_and_assigns_their_tasks_at_once_and_a_case_changed_meanwhile_is_left_and_said_so()
    {
        var ctx = Open();
        var first = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var second = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var moved = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<Queue>();
        cut.WaitForElement($"[data-case='{moved.CaseNumber}']");
        Assert.Equal(3, cut.FindAll("[data-test=task-unassigned]").Count);
        Assert.True(cut.Find("[data-test=bulk-assign]").HasAttribute("disabled"));

        // Someone writes on one case after the list was read: its listed version is stale.
        await Driver.DoAsync(moved.Id, Domain.Workflow.WorkflowAction.AddNote, new() { Note = "客户来电" }, Driver.Clerk);
        foreach (var number in new[] { first.CaseNumber, second.CaseNumber, moved.CaseNumber })
        {
            cut.Find($"[data-case='{number}']").Closest("tr")!.QuerySelector("input[type=checkbox]")!.Change(true);
        }

        cut.WaitForAssertion(() => Assert.Equal("已选 3 件", cut.Find("[data-test=selected-count]").TextContent.Trim()));
        cut.Find("[data-test=bulk-assign]").Click();
        Assert.Contains("以下 3 件案件", cut.WaitForElement("[data-test=assign-what]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-test=assign-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Contains("必填", cut.Find("[data-test=assign-dialog]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-test=assign-to]").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForElement(".mud-popover-open .mud-list-item");
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "handler QA").Click();
        cut.Find("[data-test=assign-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("已将 2 件任务指派给 handler QA。", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("1 件案件在此期间已有变动，未指派", cut.Markup, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(["负责人：handler QA", "负责人：handler QA"], cut.FindAll("[data-test=task-owner]").Select(o => o.TextContent.Trim())));
        Assert.Equal("已选 0 件", cut.Find("[data-test=selected-count]").TextContent.Trim());
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var owners = new List<string?>();
        foreach (var id in new[] { first.Id, second.Id, moved.Id })
        {
            owners.Add((await Driver.LoadAsync(id)).Tasks.Single(t => t.DepartmentId == quality).OwnerName);
        }

        Assert.Equal(["handler QA", "handler QA", null], owners);
        Assert.NotNull(cut.Find($"[data-case='{moved.CaseNumber}']").Closest("tr")!.QuerySelector("[data-test=task-unassigned]"));
    }

    [Fact]
    public async Task A_handler_sees_the_owners_but_ticks_nothing()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<Queue>();
        cut.WaitForElement($"[data-case='{complaint.CaseNumber}']");

        Assert.Single(cut.FindAll("[data-test=task-unassigned]"));
        Assert.Empty(cut.FindAll("[data-test=bulk-bar]"));
        Assert.Empty(cut.FindAll("[data-test=case-table] input[type=checkbox]"));
    }

    [Fact]
    public async Task The_queue_lists_unread_notifications_only_and_leads_to_all_of_them()
    {
        var ctx = Open();
        var open = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        ctx.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var cut = ctx.RenderPage<Queue>();

        cut.WaitForElement($"[data-case='{open.CaseNumber}']");
        var listed = cut.WaitForElement("[data-test=notifications]").TextContent;
        Assert.Contains(open.CaseNumber, listed, StringComparison.Ordinal);
        // The closed case's notices (its new task, its closing) no longer ask for anything here.
        Assert.DoesNotContain(closed.CaseNumber, listed, StringComparison.Ordinal);
        Assert.Equal("/notices", cut.Find("[data-test=all-notifications]").GetAttribute("href"));
    }

    [Fact]
    public async Task Opened_with_sort_due_the_queue_lists_the_soonest_deadline_first_not_the_most_urgent()
    {
        // An ordinary case whose deadlines have come close, and an urgent one registered days later.
        var ordinary = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(ordinary);
        await Driver.AcknowledgeAsync(ordinary);
        var early = await Driver.DispatchAsync(ordinary, DepartmentCatalog.Quality);
        Driver.Time.Advance(TimeSpan.FromDays(3));
        var urgentId = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(urgentId, urgency: Urgency.Urgent);
        await Driver.AcknowledgeAsync(urgentId);
        var urgent = await Driver.DispatchAsync(urgentId, DepartmentCatalog.Quality);
        string[] Rows(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
            [.. cut.FindAll("[data-test=case-table] [data-case]").Select(a => a.GetAttribute("data-case")!)];

        var plain = Open();
        plain.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var byDefault = plain.RenderPage<Queue>();
        byDefault.WaitForAssertion(() => Assert.Equal([urgent.CaseNumber, early.CaseNumber], Rows(byDefault)));

        var linked = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        linked.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        linked.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/cases/queue?sort=due");
        var byDue = linked.RenderPage<Queue>();
        byDue.WaitForAssertion(() => Assert.Equal([early.CaseNumber, urgent.CaseNumber], Rows(byDue)));

        // The header clicked again turns it round, and the address keeps the order (the way back from a case finds it).
        var navigation = linked.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var dueHeader = byDue.FindAll("[data-test=case-table] thead th").Single(th => th.TextContent.Contains("最近期限", StringComparison.Ordinal));
        await dueHeader.QuerySelector(".sortable-column-header")!.ClickAsync(new());
        byDue.WaitForAssertion(() => Assert.Equal([urgent.CaseNumber, early.CaseNumber], Rows(byDue)));
        Assert.EndsWith("/cases/queue?sort=-due", navigation.Uri, StringComparison.Ordinal);
    }
}
