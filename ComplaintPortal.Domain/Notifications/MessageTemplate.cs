using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// The wording of a message to the customer for one purpose, language and (optionally) channel, with
/// placeholders such as <c>{CaseNumber}</c> (see <see cref="MessagePlaceholders"/>). Administrators edit it.
/// </summary>
public sealed class MessageTemplate
{
    public const int LanguageMaxLength = 10;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 2000;

    private MessageTemplate()
    {
    }

    public MessageTemplate(MessageKind kind, string language, ReplyChannel? channel, string subject, string body, string changedBy, DateTimeOffset changedAt)
    {
        Kind = kind;
        Language = language;
        Channel = channel;
        Change(subject, body, changedBy, changedAt);
    }

    public int Id { get; private set; }

    public MessageKind Kind { get; private set; }

    /// <summary>One of the portal's languages: <c>zh-Hans</c>, <c>zh-Hant</c>, <c>en</c>.</summary>
    public string Language { get; private set; } = "";

    /// <summary>Null: any channel without a template of its own.</summary>
    public ReplyChannel? Channel { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Concurrency token: 1 once written, raised by every change, so another administrator's edit of the version before is refused.</summary>
    public int Version { get; private set; }

    public void Change(string subject, string body, string changedBy, DateTimeOffset changedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        Subject = subject;
        Body = body;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Version++;
    }
}

/// <summary>What a customer message is for.</summary>
public enum MessageKind
{
    /// <summary>告知受理: case number, the steps, the promised completion time.</summary>
    Acknowledgement = 0,

    /// <summary>A new promised completion time (e.g. after a reopen or a wait for the customer).</summary>
    PromisedTime = 1,

    /// <summary>回復客戶: the result, with thanks and apology.</summary>
    Reply = 2,
}
