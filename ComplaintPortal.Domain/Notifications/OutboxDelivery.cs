using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>Sends what is waiting in the outbox; failures stay in the outbox for the next round.</summary>
public static class OutboxDelivery
{
    public const int MaxAttempts = 5;

    public static async Task<int> DeliverPendingAsync(PortalDbContext db, ICustomerMessageSender sender, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(time);
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id)
            .Take(50)
            .Join(db.Complaints, m => m.ComplaintId, c => c.Id, (m, c) => new { Message = m, c.CaseNumber })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var item in pending)
        {
            try
            {
                await sender.SendAsync(item.Message, item.CaseNumber, cancellationToken);
                item.Message.MarkSent(time.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Mail.SmtpException or InvalidOperationException or UnauthorizedAccessException)
            {
                item.Message.MarkFailed(ex.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
