using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// Mails people who asked for it their new notices, once a round (<see cref="NoticeOptions.MailInterval"/>): one mail per
/// person listing every unread notice that came since their last, in the language they last chose in the portal, each
/// with its link. Sent by the channel the customers' messages take (an SMTP relay or the pick-up folder). A mail is claimed
/// before it is sent, so two instances never send it twice; one that fails is released and tried again next round.
/// </summary>
public sealed partial class NoticeMailer(IServiceScopeFactory scopes, IStaffMailSender sender, OrganisationClock clock, TimeProvider time,
    IOptions<NoticeOptions> options, ILogger<NoticeMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MailEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MailInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    /// <summary>Sends every mail due now; how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mailing = new NoticeMailing(db);
        var letters = await mailing.DueAsync(cancellationToken);
        if (letters.Count == 0)
        {
            return 0;
        }

        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var letter in letters)
        {
            if (!await mailing.ClaimAsync(letter, cancellationToken))
            {
                continue;
            }

            var culture = PortalCultures.IsSupported(letter.Language) ? PortalCultures.Get(letter.Language!) : PortalCultures.Get(PortalCultures.SimplifiedChinese);
            var mail = Compose(letter, culture, code => departments.FirstOrDefault(d => d.Code == code)?.DisplayName(culture) ?? code);
            try
            {
                await sender.SendAsync(mail, cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Mail.SmtpException or InvalidOperationException or UnauthorizedAccessException)
            {
                await mailing.ReleaseAsync(letter, cancellationToken);
                LogSendFailed(logger, ex, letter.UserId);
            }
        }

        return sent;
    }

    /// <summary>The mail in <paramref name="culture"/>: each notice's title, subject, detail, time and link, newest first.</summary>
    internal StaffMail Compose(NoticeLetter letter, CultureInfo culture, Func<string, string> departmentName)
    {
        using var language = new CultureScope(culture);
        var body = new StringBuilder();
        foreach (var notice in letter.Notices)
        {
            body.AppendLine(string.Format(culture, DeadlineText.NoticeMail_Line, NoticeText.Title(notice.Kind), NoticeText.Subject(notice), NoticeText.SubjectKind(notice)));
            if (NoticeText.Detail(notice, clock, departmentName) is { Length: > 0 } detail)
            {
                body.AppendLine(detail);
            }

            body.Append(clock.Format(notice.CreatedAt, "g")).Append(" · ")
                .Append(notice.IsPersonal ? DeadlineText.Notices_Personal : DeadlineText.Notices_ToRole).Append(" · ").AppendLine(Link(NoticeText.Href(notice)));
            body.AppendLine();
        }

        if (letter.More)
        {
            body.AppendLine(string.Format(culture, DeadlineText.NoticeMail_More, NoticeMailing.MostPerLetter));
        }

        body.AppendLine(string.Format(culture, DeadlineText.NoticeMail_Footer, Link("/notices")));
        var subject = string.Format(culture, Counted.Pick(letter.Notices.Count, DeadlineText.NoticeMail_Subject_One, DeadlineText.NoticeMail_Subject),
            UiText.App_Name, letter.Notices.Count);
        var name = string.Create(CultureInfo.InvariantCulture, $"notices-{letter.UserId}-{letter.Through:D8}");
        return new StaffMail(letter.Email, subject, body.ToString(), time.GetUtcNow(), name);
    }

    private string Link(string path) =>
        options.Value.PortalAddress is { Length: > 0 } address ? address.TrimEnd('/') + path : path;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice mail round failed; trying again next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice mail to user {UserId} failed; trying again next round")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string userId);
}
