using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// The app bar's bell: the signed-in person's unread notices, counted again whenever a change concerns them. Not a
/// component: the layout keeps one per circuit and writes its link as shared markup (<see cref="Link"/>), so every open
/// page's circuit holds no bell component with its own state and frame buffers (bench/README.md, memory per circuit).
/// </summary>
public sealed class NoticeBell(INoticeFeed feed, IServiceScopeFactory scopes) : IDisposable
{
    /// <summary>The bell counts no further than it shows (<see cref="NoticeBook.CountUnreadAsync"/>).</summary>
    public const int Shown = 99;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly MarkupMemo<(string Culture, int Unread, bool Live)> Links = new(1024);

    private readonly CancellationTokenSource closing = new();
    private ActingUser? user;
    private IDisposable? subscription;
    private Func<Func<Task>, Task>? invoke;
    private Action? changed;
    private int recounting;

    // The last count's notices' cases; null while a count is under way, when every closed case asks for another (a case
    // closed during the count may be among those it read as still open).
    private volatile UnreadTally? counted;

    /// <summary>Whether there is a signed-in person to ring for.</summary>
    public bool Shows => user is not null;

    public int Unread { get; private set; }

    /// <summary>"99+" past what the bell counts.</summary>
    public string BadgeText => BadgeFor(Unread);

    /// <summary>
    /// Finds the person, listens (on a live circuit: <paramref name="invokeOnCircuit"/> runs on its dispatcher, then
    /// <paramref name="recounted"/> is called there), then counts, so no change falls between the two.
    /// </summary>
    public async Task StartAsync(ClaimsPrincipal principal, bool live, Func<Func<Task>, Task> invokeOnCircuit, Action recounted)
    {
        ArgumentNullException.ThrowIfNull(principal);
        subscription?.Dispose();
        subscription = null;
        (invoke, changed) = (invokeOnCircuit, recounted);
        await using (var scope = scopes.CreateAsyncScope())
        {
            user = await scope.ServiceProvider.GetRequiredService<CaseUsers>().FindAsync(principal, closing.Token);
        }

        if (user is null)
        {
            Unread = 0;
            return;
        }

        if (live)
        {
            subscription = feed.Subscribe(OnChanged);
        }

        await CountAsync();
    }

    /// <summary>The bell's link (MudIconButton's markup with a title for the hover hint), shared by every circuit.</summary>
    public MarkupString Link() => Link(Unread, subscription is not null);

    internal static MarkupString Link(int unread, bool live)
    {
        return Links.Get((CultureInfo.CurrentUICulture.Name, Math.Min(unread, Shown + 1), live), key =>
        {
            var label = Encoder.Encode(string.Format(CultureInfo.CurrentCulture, DeadlineText.Notices_Bell, BadgeFor(key.Unread)));
            var icon = key.Unread > 0 ? Icons.Material.Filled.Notifications : Icons.Material.Outlined.Notifications;
            return new MarkupString("<a class=\"" + AppBarIcons.IconButton + "\" href=\"/notices\" aria-label=\"" + label + "\" title=\"" + label
                + "\" data-test=\"notice-bell\" data-count=\"" + key.Unread.ToString(CultureInfo.InvariantCulture) + "\" data-live=\""
                + (key.Live ? "true" : "false") + "\"><span class=\"mud-icon-button-label\">" + AppBarIcons.Icon(icon).Value + "</span></a>");
        });
    }

    /// <summary>An unread count as the bell shows it: "99+" past <see cref="Shown"/>.</summary>
    public static string CountText(int unread, IFormatProvider culture) =>
        unread > Shown ? Shown.ToString("N0", culture) + "+" : unread.ToString("N0", culture);

    private static string BadgeFor(int unread) => CountText(unread, CultureInfo.CurrentCulture);

    private async Task CountAsync()
    {
        counted = null;
        await using var scope = scopes.CreateAsyncScope();
        var tally = await scope.ServiceProvider.GetRequiredService<NoticeBook>().TallyUnreadAsync(user!, Shown + 1, closing.Token);
        Unread = tally.Count;
        counted = tally;
    }

    private void OnChanged(NoticesChanged change)
    {
        // A case closed elsewhere in the organisation concerns only the bells counting a notice about it: with 5,000 pages
        // open, every close was 5,000 counts (0-30 ms each at 1,000,000 cases).
        if (user is null || !change.Concerns(user, counted) || invoke is null || Interlocked.Exchange(ref recounting, 1) == 1)
        {
            return;
        }

        // Called on the publisher's thread: count on the circuit's dispatcher, one recount at a time.
        _ = invoke(async () =>
        {
            try
            {
                Interlocked.Exchange(ref recounting, 0);
                await CountAsync();
                changed?.Invoke();
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
    }

    public void Dispose()
    {
        subscription?.Dispose();
        closing.Cancel();
        closing.Dispose();
    }
}
