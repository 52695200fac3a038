using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// The signed-in person's notices, paged on the server: unread first by default, marked read one by one or all at once (after
/// a confirmation naming how many, since read cannot be undone).
/// The list reloads when a change concerns the reader (a new notice, one read on another page, a case closed that the list
/// shows or may lose).
/// </summary>
public sealed partial class Notices : IDisposable
{
    private static readonly int[] PageSizes = [10, 25, 50];

    private MudDataGrid<NoticeView>? grid;
    private bool unreadOnly = true;
    private Dictionary<string, string> departmentNames = [];
    private IDisposable? subscription;

    /// <summary>The pager's words: MudBlazor's own, or "more than" when the total was counted only as far as the cap.</summary>
    private string? infoFormat;

    /// <summary>Whether the list has read a page (until then it says it is loading, not that there are none).</summary>
    private bool read;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private INoticeFeed Feed { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The reader's e-mail address (null without one: their notices cannot be mailed) and whether their notices are mailed.</summary>
    private (string? Email, bool On) mail;

    protected override async Task OnInitializedAsync()
    {
        departmentNames = await InScopeAsync(async sp => (await sp.GetRequiredService<PortalDbContext>().Departments.AsNoTracking().ToListAsync())
            .ToDictionary(d => d.Code, d => d.DisplayName(CultureInfo.CurrentUICulture), StringComparer.Ordinal));
        if (await ActingUserAsync() is { } me)
        {
            mail = await InScopeAsync(async sp => await sp.GetRequiredService<PortalDbContext>().Users.AsNoTracking().Where(u => u.Id == me.UserId)
                .Select(u => new ValueTuple<string?, bool>(string.IsNullOrWhiteSpace(u.Email) ? null : u.Email, u.MailNotices)).FirstOrDefaultAsync());
        }

        if (RendererInfo.IsInteractive && await ActingUserAsync() is { } reader)
        {
            subscription = Feed.Subscribe(change =>
            {
                if (Concerns(change, reader, shown))
                {
                    // The grid is there from the first render on; a change before it is in its first load anyway.
                    _ = InvokeForEventAsync(() => grid is null ? Task.CompletedTask : grid.ReloadServerData());
                }
            });
        }
    }

    public void Dispose() => subscription?.Dispose();

    /// <summary>The cases of the rows on screen, and whether those are the whole list; none until a page is read.</summary>
    private volatile ShownNotices? shown;

    /// <summary>
    /// Whether a change may alter the list on screen: notices to the reader, or a case closed that a row on screen is about (its
    /// state changes) or, in the unread list with more than one page, that may leave the list. Without this every open notices
    /// page read its list again on every close anywhere.
    /// </summary>
    internal static bool Concerns(NoticesChanged change, ActingUser reader, ShownNotices? shown) =>
        change.Reaches(reader)
        || (change.ClosedComplaintIds.Count > 0
            && (shown is null || change.ClosedComplaintIds.Any(shown.Cases.Contains) || (shown.UnreadOnly && !shown.Whole)));

    private async Task<GridData<NoticeView>> LoadAsync(GridState<NoticeView> state, CancellationToken cancellationToken)
    {
        // None while reading, so that a case closed meanwhile reads the list again.
        shown = null;
        if (await ActingUserAsync(cancellationToken) is not { } user)
        {
            return new GridData<NoticeView> { Items = [], TotalItems = 0 };
        }

        // Newest first until a header is clicked; the time column's first click turns it round, as in the access register.
        var order = state.SortDefinitions.FirstOrDefault() switch
        {
            { SortBy: nameof(NoticeView.CaseNumber), Descending: var d } => d ? NoticeOrder.CaseDescending : NoticeOrder.CaseAscending,
            { SortBy: nameof(NoticeView.CreatedAt), Descending: false } => NoticeOrder.OldestFirst,
            _ => NoticeOrder.NewestFirst,
        };
        var (notices, total) = await InScopeAsync(sp => sp.GetRequiredService<NoticeBook>()
            .PageAsync(user, unreadOnly, state.Page * state.PageSize, state.PageSize, order, cancellationToken));
        // All notices past the cap: the list pages through the newest TotalCap and says there are more (the unread are counted whole).
        var capped = !unreadOnly && total > NoticeBook.TotalCap;
        infoFormat = capped ? DeadlineText.Notices_PagerMoreThan : null;
        read = true;
        shown = new ShownNotices(notices.Select(n => n.ComplaintId).OfType<int>().ToHashSet(), state.Page == 0 && total <= notices.Count, unreadOnly);
        return new GridData<NoticeView> { Items = notices, TotalItems = capped ? NoticeBook.TotalCap : total };
    }

    /// <summary>Switches the reader's notice mail on or off, in the language they read the portal in.</summary>
    private async Task SwitchMailAsync(bool on)
    {
        if (await ActingUserAsync() is not { } me)
        {
            return;
        }

        var language = CultureInfo.CurrentUICulture.Name;
        if (await InScopeAsync(sp => sp.GetRequiredService<NoticeMailing>().SwitchAsync(me.UserId, on, language)))
        {
            mail = mail with { On = on };
            Snackbar.Add(on ? string.Format(CultureInfo.CurrentCulture, DeadlineText.NoticeMail_On, mail.Email) : DeadlineText.NoticeMail_Off, Severity.Success);
        }
    }

    private string Detail(NoticeView notice) =>
        NoticeText.Detail(notice, Clock, code => departmentNames.TryGetValue(code, out var name) ? name : code);

    private async Task ShowAsync(bool onlyUnread)
    {
        unreadOnly = onlyUnread;
        await grid!.ReloadServerData();
    }

    private async Task MarkReadAsync(NoticeView notice)
    {
        if (await ActingUserAsync() is not { } user)
        {
            return;
        }

        var now = Clock.UtcNow;
        await InScopeAsync(sp => sp.GetRequiredService<NoticeBook>().MarkReadAsync(user, notice.Id, now));
        await grid!.ReloadServerData();
    }

    private async Task MarkAllReadAsync()
    {
        if (await ActingUserAsync() is not { } user)
        {
            return;
        }

        // Marking read cannot be undone, so the page asks first, naming how many (as far as the bell counts: 99+).
        var unread = await InScopeAsync(sp => sp.GetRequiredService<NoticeBook>().CountUnreadAsync(user, NoticeBell.Shown + 1));
        if (unread == 0)
        {
            Snackbar.Add(DeadlineText.Notices_NoneUnread, MudBlazor.Severity.Info);
            return;
        }

        if (!await Dialogs.AskAsync(DeadlineText.Notices_MarkAllTitle, string.Format(CultureInfo.CurrentCulture,
                Counted.Pick(unread, DeadlineText.Notices_MarkAllConsequence_One, DeadlineText.Notices_MarkAllConsequence), NoticeBell.CountText(unread, CultureInfo.CurrentCulture)),
                DeadlineText.Notices_MarkAllRead))
        {
            return;
        }

        var now = Clock.UtcNow;
        var count = await InScopeAsync(sp => sp.GetRequiredService<NoticeBook>().MarkAllReadAsync(user, now));
        Snackbar.Add(string.Format(CultureInfo.CurrentCulture, Counted.Pick(count, DeadlineText.Notices_MarkedAll_One, DeadlineText.Notices_MarkedAll), count), MudBlazor.Severity.Success);
        await grid!.ReloadServerData();
    }
}

/// <summary>What a notices page shows: the cases of its rows, whether they are the whole list, and whether it lists only the unread.</summary>
internal sealed record ShownNotices(IReadOnlySet<int> Cases, bool Whole, bool UnreadOnly);
