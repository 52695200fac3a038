using System.Net;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

public sealed class TimelinessReportTests : IDisposable
{
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private readonly PortalAppFactory app;

    public TimelinessReportTests() => app = new PortalAppFactory(time: time);

    [Fact]
    public async Task Report_shows_the_counts_with_the_missed_first_response_and_no_list_until_a_figure_is_clicked()
    {
        var number = await app.WithDbAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
            var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });
            var result = await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor);
            return result.Complaint!.CaseNumber;
        });
        time.Advance(TimeSpan.FromDays(3));
        // Signed in after the clock moved, so the sign-in cookie is still fresh.
        var client = await app.SignedInAsync("leader");

        var response = await client.GetAsync("/reports/timeliness?period=Month&year=2026&number=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // One complaint, late (its first response missed); the per-deadline drill-down counts the missed deadlines.
        Assert.Matches("data-figure=\"headline-all\"[^>]*data-count=\"1\"", html);
        Assert.Matches("data-figure=\"headline-late\"[^>]*data-count=\"1\"", html);
        Assert.Contains("data-figure=\"deadline-missed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-department=\"CS\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-case=\"{number}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_head_sees_only_their_own_department()
    {
        await app.WithDbAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
            var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });
            return await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor);
        });
        time.Advance(TimeSpan.FromDays(3));
        var client = await app.SignedInAsync("head.qa");

        var html = await client.GetStringAsync("/reports/timeliness?period=Month&year=2026&number=3");

        Assert.DoesNotContain("data-department=\"CS\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-case=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_handler_may_not_open_the_report()
    {
        var client = await app.SignedInAsync("handler.qa");

        var response = await client.GetAsync("/reports/timeliness");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>
    /// The counts exist before the portal serves anyone, so its first save is counted. They used to be built by the
    /// background scan, and a save that came before the build found no counts and skipped counting: when the build had
    /// already read the cases, that change was counted by neither (a full run once showed four of five closed cases resolved).
    /// </summary>
    [Fact]
    public async Task The_first_case_is_counted_as_it_is_saved_with_no_background_build()
    {
        var portal = app.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.Remove(services.Single(d => d.ImplementationType == typeof(ComplaintPortal.Web.Features.Reports.TimelinessCountService)))));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
        var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });

        await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor);

        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai").Id, (await db.Set<TimelinessCountState>().SingleAsync()).ZoneId);
        Assert.Equal(1, await db.Set<TimelinessCount>().Where(c => c.DepartmentId == TimelinessCount.WholeOrganisation && c.Kind == null).SumAsync(c => c.Complaints));
    }

    public void Dispose() => app.Dispose();
}
