using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Deadlines;
using ComplaintPortal.Web.Features.Notices;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Notifications;

/// <summary>New notices by e-mail for those who asked: once per round, in each person's language, never twice, never the history.</summary>
public sealed class NoticeMailTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notice-mail-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task AddPersonAsync(DeadlineScenario s, ActingUser person, string? email, string role)
    {
        await using var db = s.Database.CreateContext();
        if (!await db.Roles.AnyAsync(r => r.Name == role))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await db.SaveChangesAsync();
        }

        // The driver's people may be accounts already: given the address (or none) and the role.
        var user = await db.Users.FindAsync(person.UserId);
        if (user is null)
        {
            db.Users.Add(new PortalUser { Id = person.UserId, UserName = person.UserId, DisplayName = person.Name, DepartmentId = person.DepartmentId, Email = email });
        }
        else
        {
            user.Email = email;
        }

        var roleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id;
        if (!await db.UserRoles.AnyAsync(r => r.UserId == person.UserId && r.RoleId == roleId))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.UserId, RoleId = roleId });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<bool> SwitchAsync(DeadlineScenario s, ActingUser person, bool on, string language)
    {
        await using var db = s.Database.CreateContext();
        return await new NoticeMailing(db).SwitchAsync(person.UserId, on, language);
    }

    private NoticeMailer Mailer(DeadlineScenario s, IStaffMailSender? sender = null)
    {
        var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => s.Database.CreateContext()).BuildServiceProvider();
        var clock = new OrganisationClock(s.Driver.Time, Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        return new NoticeMailer(services.GetRequiredService<IServiceScopeFactory>(), sender ?? new FilePickupMessageSender(folder), clock, s.Driver.Time,
            Options.Create(new NoticeOptions { PortalAddress = "https://complaints.example.com/" }), NullLogger<NoticeMailer>.Instance);
    }

    private string[] Mails() => [.. Directory.GetFiles(folder).Order().Select(File.ReadAllText)];

    [Fact]
    public async Task New_notices_are_mailed_once_in_each_persons_language_with_links_and_never_the_ones_before_mail_was_on()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var owner = s.Driver.HandlerOf(DepartmentCatalog.Quality);
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var colleague = owner with { UserId = "u-h2-QA", Name = "handler2 QA" };
        var nobody = s.Driver.HandlerOf(DepartmentCatalog.Production);
        await AddPersonAsync(s, owner, "owner@example.com", PortalRoles.DepartmentHandler);
        await AddPersonAsync(s, head, "head@example.com", PortalRoles.DepartmentHead);
        await AddPersonAsync(s, colleague, "colleague@example.com", PortalRoles.DepartmentHandler);
        await AddPersonAsync(s, nobody, null, PortalRoles.DepartmentHandler);
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        var task = complaint.Tasks.Single();
        await using (var db = s.Database.CreateContext())
        {
            Assert.True((await new ComplaintWorkflow(db, s.Driver.Time).ExecuteAsync(id, complaint.Version, WorkflowAction.ReassignTask,
                new() { TaskId = task.Id, AssigneeUserId = owner.UserId }, head)).Succeeded);
        }

        // Mail switched on after the assignment: its notice is history, not mailed. Without an address, mail cannot be switched on.
        Assert.True(await SwitchAsync(s, owner, on: true, "zh-Hant"));
        Assert.True(await SwitchAsync(s, head, on: true, "en"));
        Assert.True(await SwitchAsync(s, colleague, on: true, "zh-Hans"));
        Assert.False(await SwitchAsync(s, nobody, on: true, "zh-Hans"));
        var mailer = Mailer(s);
        Assert.Equal(0, await mailer.SendDueAsync());

        // The task goes overdue: the owner hears by name, the head as the department's head; the colleague hears nothing.
        await s.MonitorAsync(s.SetLocal("2026-03-20 12:00"));
        Assert.Equal(2, await mailer.SendDueAsync());
        var mails = Mails();
        var toOwner = Assert.Single(mails, m => m.Contains("To: owner@example.com", StringComparison.Ordinal));
        Assert.Contains("客訴管理平台：2 則新通知", toOwner, StringComparison.Ordinal);
        Assert.Contains("已逾期", toOwner, StringComparison.Ordinal);
        Assert.Contains(complaint.CaseNumber + "（", toOwner, StringComparison.Ordinal);
        Assert.Contains("發給您", toOwner, StringComparison.Ordinal);
        Assert.Contains("https://complaints.example.com/cases/" + complaint.CaseNumber, toOwner, StringComparison.Ordinal);
        Assert.Contains("https://complaints.example.com/notices", toOwner, StringComparison.Ordinal);
        Assert.DoesNotContain("DepartmentTask", toOwner, StringComparison.Ordinal);
        var toHead = Assert.Single(mails, m => m.Contains("To: head@example.com", StringComparison.Ordinal));
        Assert.Contains("Subject: ", toHead, StringComparison.Ordinal);
        Assert.Contains("new notice", toHead, StringComparison.Ordinal);
        Assert.Contains("overdue", toHead, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mails, m => m.Contains("colleague@example.com", StringComparison.Ordinal));

        // Nothing new: nothing sent again. Switched off: nothing sent for what comes next.
        Assert.Equal(0, await mailer.SendDueAsync());
        Assert.True(await SwitchAsync(s, owner, on: false, "zh-Hant"));
        Assert.True(await SwitchAsync(s, head, on: false, "en"));
        await s.MonitorAsync(s.SetLocal("2026-04-20 12:00"));
        Assert.Equal(0, await mailer.SendDueAsync());
        Assert.Equal(2, Mails().Length);
    }

    [Fact]
    public async Task An_improvement_action_raised_is_mailed_to_the_head_with_its_title_date_and_the_list_it_waits_in()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        await AddPersonAsync(s, head, "head@example.com", PortalRoles.DepartmentHead);
        Assert.True(await SwitchAsync(s, head, on: true, "zh-Hans"));
        var mailer = Mailer(s);
        Assert.Equal(0, await mailer.SendDueAsync());

        await using (var db = s.Database.CreateContext())
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            Assert.True((await new Domain.Reporting.Improvements(db, s.Driver.Time).RaiseAsync(new Domain.Reporting.ImprovementDraft("密封圈来料复检",
                "2026/2 · 产品较上期增加最多", null, s.Driver.DepartmentId(DepartmentCatalog.Quality), new DateOnly(2026, 3, 20), "来料逐批检验"),
                s.Driver.Leader, zone)).Succeeded);
        }

        Assert.Equal(1, await mailer.SendDueAsync());
        var mail = Assert.Single(Mails());
        Assert.Contains("本部门有新的改进措施", mail, StringComparison.Ordinal);
        Assert.Contains("密封圈来料复检（改进措施）", mail, StringComparison.Ordinal);
        Assert.Contains("完成期限 2026/3/20", mail, StringComparison.Ordinal);
        Assert.Contains("https://complaints.example.com/reports/improvements?show=open", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("Improvement", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_claimed_by_one_instance_is_not_sent_by_another_and_one_that_fails_is_sent_next_round()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        await AddPersonAsync(s, head, "head@example.com", PortalRoles.DepartmentHead);
        Assert.True(await SwitchAsync(s, head, on: true, "zh-Hans"));
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        await s.MonitorAsync(s.SetLocal("2026-03-20 12:00"));

        // Two instances read the same letter; only the first to claim it sends it.
        await using (var one = s.Database.CreateContext())
        await using (var two = s.Database.CreateContext())
        {
            var first = Assert.Single(await new NoticeMailing(one).DueAsync());
            var second = Assert.Single(await new NoticeMailing(two).DueAsync());
            Assert.True(await new NoticeMailing(one).ClaimAsync(first));
            Assert.False(await new NoticeMailing(two).ClaimAsync(second));
            await new NoticeMailing(one).ReleaseAsync(first);
        }

        // The mail server is down: nothing is lost, the next round sends it.
        Assert.Equal(0, await Mailer(s, new FailingSender()).SendDueAsync());
        Assert.Empty(Mails());
        Assert.Equal(1, await Mailer(s).SendDueAsync());
        Assert.Contains("To: head@example.com", Assert.Single(Mails()), StringComparison.Ordinal);
        Assert.Equal(0, await Mailer(s).SendDueAsync());
    }

    [Fact]
    public async Task A_mail_lists_the_newest_twenty_and_says_there_are_more_on_the_page()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        await AddPersonAsync(s, head, "head@example.com", PortalRoles.DepartmentHead);
        Assert.True(await SwitchAsync(s, head, on: true, "zh-Hans"));
        var complaint = await s.Driver.CaseInStageAsync(Domain.Cases.CaseStage.InDepartments);
        await using (var db = s.Database.CreateContext())
        {
            for (var i = 0; i < NoticeMailing.MostPerLetter + 1; i++)
            {
                db.Notifications.Add(new Notification(PortalRoles.DepartmentHead, head.DepartmentId, complaint.Id, NotificationKind.TaskAssigned,
                    complaint.CaseNumber, s.Driver.Time.GetUtcNow().AddMinutes(i)));
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Mailer(s).SendDueAsync());

        var mail = Assert.Single(Mails());
        Assert.Contains("客诉管理平台：20 条新通知", mail, StringComparison.Ordinal);
        Assert.Contains("此处只列出最新的 20 条", mail, StringComparison.Ordinal);
        // All of them were told of: the next round sends nothing.
        Assert.Equal(0, await Mailer(s).SendDueAsync());
    }

    private sealed class FailingSender : IStaffMailSender
    {
        public Task SendAsync(StaffMail mail, CancellationToken cancellationToken) => throw new IOException("mail server down");
    }
}
