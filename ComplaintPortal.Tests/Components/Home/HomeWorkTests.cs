using Bunit;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Home;

/// <summary>The home page's 待我处理 counts follow the work while the page is open: a case dispatched to the department counts at once.</summary>
public sealed class HomeWorkTests : CasePageTest
{
    [Fact]
    public async Task A_case_dispatched_to_the_department_is_counted_on_its_head_s_open_home_page_at_once()
    {
        var feed = new NoticeFeed();
        var screen = OpenAnother("zh-Hans", feed, services =>
        {
            services.AddScoped<CurrentUserSummary>();
            services.AddSingleton<ArchiveFeed>();
            services.AddSingleton<WorkingCalendarCache>();
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<RectificationNotices>();
            services.AddScoped<CaseChecking>();
        });
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        screen.SignInAs(head);
        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        string Count(string tile) => page.Find($"[data-tile={tile}] [data-test=work-count]").TextContent.Trim();
        page.WaitForAssertion(() => Assert.Equal("0", Count("queue")));
        var unreadBefore = int.Parse(Count("unread"), System.Globalization.CultureInfo.InvariantCulture);

        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id);
        await Driver.AcknowledgeAsync(id);
        var version = await screen.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var result = await new ComplaintWorkflow(db, Driver.Time).ExecuteAsync(id, version, WorkflowAction.Dispatch,
                new() { DepartmentIds = [Driver.DepartmentId(DepartmentCatalog.Quality)] }, Driver.Clerk);
            Assert.True(result.Succeeded, result.Error.ToString());
        }

        page.WaitForAssertion(() => Assert.Equal("1", Count("queue")));
        Assert.True(int.Parse(Count("unread"), System.Globalization.CultureInfo.InvariantCulture) > unreadBefore);
        Assert.Equal(CaseStage.InDepartments, await screen.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Stage).SingleAsync()));
    }
}
