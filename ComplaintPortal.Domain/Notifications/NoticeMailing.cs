using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// One person's notices due by mail: those still unread that came after the last mail (<paramref name="After"/>), newest
/// first; <paramref name="More"/> when there were more than a mail lists.
/// </summary>
public sealed record NoticeLetter(string UserId, string Email, string? Language, int After, IReadOnlyList<NoticeView> Notices, bool More = false)
{
    /// <summary>The newest notice in the letter: the mail is sent through it.</summary>
    public int Through => Notices.Max(n => n.Id);
}

/// <summary>
/// Who has their notices sent to their e-mail address too, and which notices are due: the unread ones (as the bell counts
/// them, to the person by name or to their role) that came after the last mail. Switching mail on starts from the
/// newest notice, so nobody gets their history in one mail.
/// </summary>
public sealed class NoticeMailing(PortalDbContext db)
{
    /// <summary>The most notices one mail lists (the newest); the rest are on the notices page.</summary>
    public const int MostPerLetter = 20;

    /// <summary>Switches the person's notice mail on or off; on only with an e-mail address. False when there is no such person or no address.</summary>
    public async Task<bool> SwitchAsync(string userId, bool on, string? language, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || (on && string.IsNullOrWhiteSpace(user.Email)))
        {
            return false;
        }

        if (on && !user.MailNotices)
        {
            user.NoticesMailedThrough = await db.Notifications.MaxAsync(n => (int?)n.Id, cancellationToken) ?? 0;
        }

        user.MailNotices = on;
        user.Language = Keep(language) ?? user.Language;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Keeps the language the person chose last, for their mail.</summary>
    public async Task RememberLanguageAsync(string userId, string language, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var kept = Keep(language);
        await db.Users.Where(u => u.Id == userId && u.Language != kept).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, kept), cancellationToken);
    }

    /// <summary>Every letter due now: one per person with mail on, an address and unread notices newer than their last mail.</summary>
    public async Task<IReadOnlyList<NoticeLetter>> DueAsync(CancellationToken cancellationToken = default)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.MailNotices && u.Email != null && u.Email != "")
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.DepartmentId, u.Email, u.Language, u.NoticesMailedThrough })
            .ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }

        var newest = await db.Notifications.MaxAsync(n => (int?)n.Id, cancellationToken) ?? 0;
        // Only those with notices newer than their last mail have anything due.
        var behind = people.Where(p => p.NoticesMailedThrough < newest).ToList();
        var ids = behind.Select(p => p.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var book = new NoticeBook(db);
        var letters = new List<NoticeLetter>();
        foreach (var person in behind)
        {
            var reader = new ActingUser(person.Id, person.DisplayName, person.DepartmentId, roles[person.Id].ToHashSet(StringComparer.Ordinal));
            var unread = (await book.UnreadAsync(reader, MostPerLetter + 1, cancellationToken)).Where(n => n.Id > person.NoticesMailedThrough).ToList();
            if (unread.Count > 0)
            {
                letters.Add(new NoticeLetter(person.Id, person.Email!, person.Language, person.NoticesMailedThrough, [.. unread.Take(MostPerLetter)],
                    unread.Count > MostPerLetter));
            }
        }

        return letters;
    }

    /// <summary>
    /// Claims the letter before it is sent: the person's next mail starts after its newest notice. False when another
    /// instance has claimed it (or mail was switched off and on) since it was read: then it is not sent.
    /// </summary>
    public async Task<bool> ClaimAsync(NoticeLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var (after, through) = (letter.After, letter.Through);
        return await db.Users.Where(u => u.Id == letter.UserId && u.MailNotices && u.NoticesMailedThrough == after)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.NoticesMailedThrough, through), cancellationToken) == 1;
    }

    /// <summary>Gives a claimed letter back when it could not be sent: the next round tries it again.</summary>
    public async Task ReleaseAsync(NoticeLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var (after, through) = (letter.After, letter.Through);
        await db.Users.Where(u => u.Id == letter.UserId && u.NoticesMailedThrough == through)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.NoticesMailedThrough, after), cancellationToken);
    }

    private static string? Keep(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Length > PortalUser.LanguageMaxLength ? language[..PortalUser.LanguageMaxLength] : language;
}
