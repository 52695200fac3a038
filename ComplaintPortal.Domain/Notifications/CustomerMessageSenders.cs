using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>Delivers one outbox message to the customer by some channel.</summary>
public interface ICustomerMessageSender
{
    Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken);
}

/// <summary>A mail to a member of staff (their new notices); <paramref name="Name"/> names its file in a pick-up folder.</summary>
public sealed record StaffMail(string Recipient, string Subject, string Body, DateTimeOffset CreatedAt, string Name);

/// <summary>Delivers a mail to a member of staff, by the channel the customers' messages take.</summary>
public interface IStaffMailSender
{
    Task SendAsync(StaffMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as a text file into a pick-up folder (printed letters, an SMS gateway that polls
/// the folder, or simply a record when no mail server is configured). Each file appears whole: it is written under
/// another name (<c>.partial</c>) and then renamed, so whatever polls the folder for <c>*.txt</c> never reads one half
/// written.
/// </summary>
public sealed class FilePickupMessageSender(string folder) : ICustomerMessageSender, IStaffMailSender
{
    public Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WriteAsync(message.Recipient, message.Subject, message.Body, message.CreatedAt,
            string.Create(CultureInfo.InvariantCulture, $"{caseNumber}-{message.Id:D8}"), cancellationToken);
    }

    public Task SendAsync(StaffMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return WriteAsync(mail.Recipient, mail.Subject, mail.Body, mail.CreatedAt, mail.Name, cancellationToken);
    }

    private async Task WriteAsync(string recipient, string subject, string body, DateTimeOffset createdAt, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder()
            .Append("To: ").AppendLine(recipient)
            .Append("Subject: ").AppendLine(subject)
            .Append("Date: ").AppendLine(createdAt.ToString("O", CultureInfo.InvariantCulture))
            .AppendLine()
            .AppendLine(body)
            .ToString();
        var partial = Path.Combine(folder, name + ".partial");
        await File.WriteAllTextAsync(partial, text, Encoding.UTF8, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".txt"), overwrite: true);
    }
}

/// <summary>Sends e-mail through an SMTP relay with System.Net.Mail.</summary>
public sealed class SmtpMessageSender(SmtpSettings settings) : ICustomerMessageSender, IStaffMailSender
{
    public Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.Recipient, message.Subject, message.Body, cancellationToken);
    }

    public Task SendAsync(StaffMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return SendAsync(mail.Recipient, mail.Subject, mail.Body, cancellationToken);
    }

    private async Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new System.Net.NetworkCredential(settings.UserName, settings.Password);
        }

        using var mail = new MailMessage(settings.From, recipient, subject, body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; } = true;

    public string From { get; set; } = "";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
