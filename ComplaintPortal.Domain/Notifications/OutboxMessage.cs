namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// A message to the customer, written in the same transaction as the action that caused it and
/// delivered afterwards by <see cref="OutboxDelivery"/>, so a mail outage never loses or blocks an action.
/// </summary>
public sealed class OutboxMessage
{
    public const int RecipientMaxLength = 200;
    public const int SubjectMaxLength = 200;

    private OutboxMessage()
    {
    }

    public OutboxMessage(int complaintId, string recipient, string subject, string body, DateTimeOffset createdAt)
    {
        ComplaintId = complaintId;
        Recipient = recipient;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    /// <summary>E-mail address or phone number; empty when the customer collects it (pick-up).</summary>
    public string Recipient { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        SentAt = at;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
    }
}
