using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>The running portal mails a person who switched notice mail on, by its own background round, into the pick-up folder.</summary>
public sealed class NoticeMailServiceTests : IDisposable
{
    private readonly PortalAppFactory app = new() { Settings = { ["Notices:MailInterval"] = "00:00:00.2", ["Notices:PortalAddress"] = "https://complaints.example.com" } };

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_case_dispatched_to_quality_reaches_its_head_by_mail_in_their_language_once()
    {
        var actions = new AppActions(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var head = await db.Users.SingleAsync(u => u.UserName == "head.qa");
            Assert.Equal("head.qa@example.com", head.Email);
            Assert.True(await new NoticeMailing(db).SwitchAsync(head.Id, on: true, "en"));
        }

        // Dispatched, the case's task waits for quality's head to assign it: a notice to the head's role.
        var complaint = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(complaint.Id, "QA");

        var outbox = Path.Combine(app.Database.Folder, "outbox");
        string[] mails = [];
        for (var waited = 0; waited < 100 && mails.Length == 0; waited++)
        {
            await Task.Delay(100);
            mails = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "notices-*.txt") : [];
        }

        var mail = await File.ReadAllTextAsync(Assert.Single(mails));
        Assert.Contains("To: head.qa@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("https://complaints.example.com/cases/" + complaint.CaseNumber, mail, StringComparison.Ordinal);
        Assert.Contains("to your role", mail, StringComparison.OrdinalIgnoreCase);
        // Rounds go on: nothing new, nothing sent again.
        await Task.Delay(600);
        Assert.Single(Directory.GetFiles(outbox, "notices-*.txt"));
    }
}
