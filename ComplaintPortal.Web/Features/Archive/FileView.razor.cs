using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// The only place an archived file is read: under an approved request that is open now and covers it.
/// The view is watermarked and logged; it closes by itself when the request is revoked or returned (the
/// archive feed says so) or when its period ends (a timer on the injected clock).
/// </summary>
public sealed partial class FileView
{
    private enum ViewState
    {
        Opening = 0,
        NotFound = 1,
        Refused = 2,
        Open = 3,
        Closed = 4,
    }

    private ViewState state;
    private ArchiveFileView? view;
    private ArchiveNames names = ArchiveNames.Empty;
    private string watermark = "";
    private ITimer? expiry;

    [Inject]
    private ArchiveFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    /// <summary>The reader's own access requests (<see cref="MyRequests"/>).</summary>
    internal const string MyRequestsHref = "/archive/requests";

    /// <summary>The archive's list of files (<see cref="ArchiveBrowser"/>).</summary>
    internal const string BrowserHref = "/archive";

    internal const string FromBrowserValue = "archive";

    /// <summary>A file's view opened from the archive's list, whose back link leads to the list.</summary>
    internal static string FromBrowserPath(string number) => ArchiveEndpoints.FilePath(number) + "?from=" + FromBrowserValue;

    private string RequestHref => MyRequestsHref + "?numbers=" + Uri.EscapeDataString(Number);

    protected override async Task OnParametersSetAsync()
    {
        Close(ViewState.Opening);
        if (!RendererInfo.IsInteractive)
        {
            // The prerendered copy reads nothing (a read is logged once, by the live view); it only answers 404 for a number that names nothing.
            var exists = await InScopeAsync(sp => sp.GetRequiredService<ArchiveCatalog>().FindAsync(Number));
            if (exists is null)
            {
                state = ViewState.NotFound;
                SetStatusCode(404);
            }

            return;
        }

        var user = await ActingUserAsync();
        if (user is null)
        {
            state = ViewState.Refused;
            return;
        }

        var (read, known, loadedNames, department) = await InScopeAsync(async sp =>
        {
            var viewer = await sp.GetRequiredService<ArchiveViewers>().ContextAsync(user);
            var file = await sp.GetRequiredService<ArchiveCatalog>().FindAsync(Number);
            var opened = file is null ? null : await sp.GetRequiredService<ArchiveAccess>().ReadAsync(user, Number, viewer);
            return (opened, file is not null, await ArchiveNames.LoadAsync(sp.GetRequiredService<PortalDbContext>()), viewer.DepartmentName);
        });
        if (!known)
        {
            state = ViewState.NotFound;
            return;
        }

        if (read is null)
        {
            state = ViewState.Refused;
            return;
        }

        view = read;
        names = loadedNames;
        watermark = string.Join(" · ", new[] { user.Name, department, Clock.Format(Time.GetUtcNow(), "g") }.Where(s => !string.IsNullOrEmpty(s)));
        state = ViewState.Open;
        Feed.Changed += OnArchiveChanged;
        ArmExpiry(read.Request.GrantedUntil!.Value);
    }

    /// <summary>A timer at the period's end (at most a day ahead: timers cannot wait for months; it re-arms).</summary>
    private void ArmExpiry(DateTimeOffset until)
    {
        expiry?.Dispose();
        var left = until - Time.GetUtcNow();
        var due = left <= TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : left;
        expiry = Time.CreateTimer(_ => _ = InvokeForEventAsync(RecheckAsync), null, due, Timeout.InfiniteTimeSpan);
    }

    private void OnArchiveChanged(ArchiveChange change)
    {
        if (change.Kind == ArchiveChangeKind.AccessEnded && change.RequestId == view?.Request.Id)
        {
            _ = InvokeForEventAsync(() =>
            {
                Close(ViewState.Closed);
                StateHasChanged();
            });
        }
    }

    /// <summary>At the period's end (or whenever asked): is the request still open? If not, the view closes.</summary>
    private async Task RecheckAsync()
    {
        if (view is null)
        {
            return;
        }

        var user = await ActingUserAsync();
        var file = view.File;
        var grant = user is null ? null : await InScopeAsync(sp => sp.GetRequiredService<ArchiveAccess>().OpenGrantAsync(user, file));
        if (grant is null)
        {
            Close(ViewState.Closed);
            StateHasChanged();
        }
        else
        {
            ArmExpiry(grant.GrantedUntil!.Value);
        }
    }

    private void Close(ViewState next)
    {
        Feed.Changed -= OnArchiveChanged;
        expiry?.Dispose();
        expiry = null;
        view = null;
        state = next;
    }

    public void Dispose()
    {
        Feed.Changed -= OnArchiveChanged;
        expiry?.Dispose();
    }
}
