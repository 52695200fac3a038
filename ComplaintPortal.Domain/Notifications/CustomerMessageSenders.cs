using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>Delivers one outbox message to the customer by some channel.</summary>
public interface ICustomerMessageSender
{
    Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as a text file into a pick-up folder (printed letters, an SMS gateway that polls
/// the folder, or simply a record when no mail server is configured).
/// </summary>
public sealed class FilePickupMessageSender(string folder) : ICustomerMessageSender
{
    public async Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{caseNumber}-{message.Id:D8}.txt");
        var text = new StringBuilder()
            .Append("To: ").AppendLine(message.Recipient)
            .Append("Subject: ").AppendLine(message.Subject)
            .Append("Date: ").AppendLine(message.CreatedAt.ToString("O", CultureInfo.InvariantCulture))
            .AppendLine()
            .AppendLine(message.Body)
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(folder, name), text, Encoding.UTF8, cancellationToken);
    }
}

/// <summary>Sends e-mail through an SMTP relay with System.Net.Mail.</summary>
public sealed class SmtpMessageSender(SmtpSettings settings) : ICustomerMessageSender
{
    public async Task SendAsync(OutboxMessage message, string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new System.Net.NetworkCredential(settings.UserName, settings.Password);
        }

        using var mail = new MailMessage(settings.From, message.Recipient, message.Subject, message.Body)
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
