using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Supervision;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web.Supervision;

/// <summary>The notices strip above a department's live board, on a real database, told of changes by the commit signal.</summary>
public sealed class BoardNoticeStripTests
{
    [Fact]
    public async Task A_running_notice_counts_down_on_its_department_s_board_and_follows_the_answer_and_the_close_live()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var signal = new RectificationNoticeSignal();
        var commit = new RectificationNoticeCommitSignal(signal);
        await using var ctx = Context(s, signal, commit);
        ctx.SignIn("head.qa", PortalRoles.DepartmentHead);

        var strip = ctx.Render<BoardNoticeStrip>(p => p.Add(x => x.DepartmentId, notice.DepartmentId));

        strip.WaitForAssertion(() => strip.Find($"[data-notice-id='{notice.Id}'][data-status=Open]"));
        Assert.Equal(notice.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            strip.Find("[data-test=notice-countdown]").GetAttribute("due"));
        Assert.Equal($"/supervision/notices/{notice.Id}", strip.Find(".board-notice").GetAttribute("href"));
        var caseNumber = await s.WithAsync(db => Task.FromResult(db.Complaints.Single(c => c.Id == notice.ComplaintId).CaseNumber));
        Assert.Equal(caseNumber, strip.Find(".board-notice-case").TextContent);

        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        RectificationNotice answered;
        await using (var db = s.Database.CreateContext(commit))
        {
            answered = (await new RectificationNotices(db, s.Driver.Time).AnswerAsync(notice.Id, notice.Version, "原因", "措施", head)).Value!;
        }

        strip.WaitForAssertion(() => strip.Find($"[data-notice-id='{notice.Id}'][data-status=Answered]"));
        Assert.Empty(strip.FindAll("[data-test=notice-countdown]"));

        await using (var db = s.Database.CreateContext(commit))
        {
            await new RectificationNotices(db, s.Driver.Time).VerifyAsync(notice.Id, answered.Version, accept: true, null, s.Member);
        }

        strip.WaitForAssertion(() => Assert.Empty(strip.FindAll("[data-test=board-notices]")));
    }

    [Fact]
    public async Task Another_department_s_board_and_a_handler_s_strip_show_no_more_than_they_may()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var signal = new RectificationNoticeSignal();
        await using var ctx = Context(s, signal, new RectificationNoticeCommitSignal(signal));
        ctx.SignIn("handler.qa", PortalRoles.DepartmentHandler);

        var other = ctx.Render<BoardNoticeStrip>(p => p.Add(x => x.DepartmentId, s.Driver.DepartmentId(DepartmentCatalog.Engineering)));
        var own = ctx.Render<BoardNoticeStrip>(p => p.Add(x => x.DepartmentId, notice.DepartmentId));

        own.WaitForAssertion(() => own.Find($"[data-notice-id='{notice.Id}']"));
        Assert.Empty(other.FindAll("[data-test=board-notices]"));
        // A handler sees the notice on the board but the notice page is for heads, the committee and leadership.
        Assert.Null(own.Find(".board-notice").GetAttribute("href"));
    }

    private static PortalComponentContext Context(SupervisionScenario s, RectificationNoticeSignal signal, RectificationNoticeCommitSignal commit) =>
        new("zh-Hans", services =>
        {
            services.AddScoped<PortalDbContext>(_ => s.Database.CreateContext(commit));
            services.AddScoped(sp => new RectificationNotices(sp.GetRequiredService<PortalDbContext>(), s.Driver.Time));
            services.AddSingleton(signal);
            services.AddSingleton(new OrganisationClock(s.Driver.Time, Options.Create(new OrganisationOptions())));
        });
}
