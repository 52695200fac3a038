using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Notifications;

public sealed class OutboxDeliveryTests : CaseDatabaseTest
{
    [Fact]
    public async Task Acknowledgement_waits_in_the_outbox_and_the_pickup_adapter_writes_it_once()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        var folder = Path.Combine(Database.Folder, "pickup");
        var sender = new FilePickupMessageSender(folder);

        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await OutboxDelivery.DeliverPendingAsync(db, sender, Driver.Time));
        }

        await using (var db = Database.CreateContext())
        {
            Assert.Equal(0, await OutboxDelivery.DeliverPendingAsync(db, sender, Driver.Time));
            var message = await db.OutboxMessages.SingleAsync(m => m.ComplaintId == complaint.Id);
            Assert.Equal(Driver.Time.GetUtcNow(), message.SentAt);
            Assert.Equal("wang@example.cn", message.Recipient);
        }

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.StartsWith(complaint.CaseNumber, Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Contains("您的投诉已受理", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_adapter_leaves_the_message_for_the_next_round()
    {
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        await using var db = Database.CreateContext();

        Assert.Equal(0, await OutboxDelivery.DeliverPendingAsync(db, new FailingSender(), Driver.Time));

        var message = await db.OutboxMessages.SingleAsync();
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("relay down", message.LastError);
    }

    private sealed class FailingSender : ICustomerMessageSender
    {
        public Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken) =>
            throw new IOException("relay down");
    }
}
