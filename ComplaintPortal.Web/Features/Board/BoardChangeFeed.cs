using System.Collections.Immutable;
using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Ledger;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The one in-process feed of case changes to open boards. <see cref="CaseChangeRelay"/> publishes what
/// the ledger shows was committed (here, at once; through other instances, at the next poll). For each
/// changed case the row is read once per audience (<see cref="BoardViewer"/>: every case, or one
/// department's) that has a board open and may see it or shows it now, and that one row goes to every
/// board of the audience: the database work grows with audiences, not with open boards. A board hears
/// only of cases its user may see now; rights are re-derived on every change from the board's current
/// authentication state and the account's department.
/// </summary>
public sealed class BoardChangeFeed(IBoardRowSource source, TimeProvider time, IOptions<BoardOptions> options, ILogger<BoardChangeFeed> logger,
    BoardProbe? probe = null)
{
    private readonly Lock gate = new();
    private readonly HashSet<BoardSubscription.TotalsKey> staleTotals = [];
    private ImmutableArray<BoardSubscription> subscriptions = [];
    private DateTimeOffset lastTotals = DateTimeOffset.MinValue;
    private DateTimeOffset lastFullTotals = DateTimeOffset.MinValue;

    /// <summary>Open boards in this instance.</summary>
    public int Subscribers => subscriptions.Length;

    /// <summary>The diagnostics probe (off unless <see cref="BoardOptions.Diagnostics"/>); boards record their renders in it.</summary>
    public BoardProbe Probe { get; } = probe ?? BoardProbe.Off;

    /// <summary>
    /// Joins the feed. Subscribe before loading the board's rows and apply what arrives after the load:
    /// nothing committed in between is missed.
    /// </summary>
    public BoardSubscription Subscribe(Func<Task<ClaimsPrincipal>> principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subscription = new BoardSubscription(principal, Leave);
        lock (gate)
        {
            subscriptions = subscriptions.Add(subscription);
        }

        return subscription;
    }

    private void Leave(BoardSubscription subscription)
    {
        lock (gate)
        {
            subscriptions = subscriptions.Remove(subscription);
        }
    }

    public async Task PublishAsync(IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var current = subscriptions;
        if (current.IsEmpty || changes.Count == 0)
        {
            return;
        }

        var work = Probe.Start();
        var (changed, sent, withoutCommit) = (0, 0, 0);
        var sends = new List<(BoardSubscription Board, BoardRowChanged Message)>();
        var now = time.GetUtcNow();
        var viewers = await ViewersAsync(current, cancellationToken);
        foreach (var change in changes.GroupBy(c => c.ComplaintId).Select(g => g.Last()))
        {
            // Diagnostics: when this instance committed the change (0 when unknown or the probe is off).
            var committedAt = Probe.CommitOf(change.EventId);
            changed++;
            // One row read and one message per audience, shared by every board of that audience.
            var rows = new Dictionary<BoardViewer, Task<BoardRow?>>();
            var recipients = new List<(BoardSubscription Board, BoardViewer Viewer)>();
            for (var i = 0; i < current.Length; i++)
            {
                var (board, viewer) = (current[i], viewers[i]);
                var concerned = !viewer.SeesNothing && viewer.MaySeeCaseOf(change.TaskDepartmentIds);
                if (!concerned && !board.Shows(change.ComplaintId))
                {
                    continue;
                }

                if (board.Totals is { } totals)
                {
                    lock (gate)
                    {
                        staleTotals.Add(totals);
                    }
                }

                if (!rows.ContainsKey(viewer))
                {
                    rows[viewer] = viewer.SeesNothing
                        ? Task.FromResult<BoardRow?>(null)
                        : source.RowAsync(viewer, change.ComplaintId, now, cancellationToken);
                }

                recipients.Add((board, viewer));
            }

            var messages = new Dictionary<BoardViewer, BoardRowChanged?>();
            foreach (var (board, viewer) in recipients)
            {
                if (!messages.TryGetValue(viewer, out var message))
                {
                    try
                    {
                        message = new BoardRowChanged(change.ComplaintId, await rows[viewer], now) { CommittedAt = committedAt };
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One unreadable row must not hold back the other changes; the boards keep what they had.
                        logger.LogWarning(ex, "Reading board row {ComplaintId} failed", change.ComplaintId);
                        message = null;
                    }

                    messages[viewer] = message;
                }

                if (message is null)
                {
                    continue;
                }

                sends.Add((board, message));
                sent++;
                withoutCommit += committedAt == 0 ? 1 : 0;
            }
        }

        // Totals that are due go out right behind the rows, so a board applies both in one render (one batch for the
        // browser to apply and acknowledge, not two); the rows wait for the count only when one is due.
        var due = await TotalsBehindRowsAsync(current, now, cancellationToken);
        var rowsOf = sends.ToLookup(s => s.Board, s => s.Message);
        foreach (var board in current)
        {
            foreach (var message in rowsOf[board])
            {
                board.Send(message);
            }

            if (board.Totals is { } key && due.TryGetValue(key, out var counted))
            {
                board.Send(counted);
            }
        }

        Probe.FannedOut(work, changed, sent, withoutCommit);
    }

    private async Task<Dictionary<BoardSubscription.TotalsKey, BoardTotalsChanged>> TotalsBehindRowsAsync(
        ImmutableArray<BoardSubscription> current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return (await DueTotalsAsync(current, now, cancellationToken)).ToDictionary(t => t.Key, t => t.Totals);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows go out all the same; the next full refresh (BoardOptions.TotalsRefresh) counts again.
            logger.LogWarning(ex, "Counting board totals failed");
            return [];
        }
    }

    /// <summary>
    /// Recounts the totals of boards whose cases changed (at most every <see cref="BoardOptions.TotalsInterval"/>)
    /// and of every board once per <see cref="BoardOptions.TotalsRefresh"/>, since deadlines fall due as time
    /// passes. One count per audience and filter, shared by the boards that show it.
    /// </summary>
    public async Task RefreshTotalsAsync(CancellationToken cancellationToken)
    {
        var current = subscriptions;
        SendTotals(current, await DueTotalsAsync(current, time.GetUtcNow(), cancellationToken));
    }

    private async Task<List<(BoardSubscription.TotalsKey Key, BoardTotalsChanged Totals)>> DueTotalsAsync(
        ImmutableArray<BoardSubscription> current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var full = now - lastFullTotals >= options.Value.TotalsRefresh;
        List<BoardSubscription.TotalsKey> keys;
        lock (gate)
        {
            if (!full && (staleTotals.Count == 0 || now - lastTotals < options.Value.TotalsInterval))
            {
                return [];
            }

            keys = full ? current.Select(s => s.Totals).OfType<BoardSubscription.TotalsKey>().Distinct().ToList() : [.. staleTotals];
            staleTotals.Clear();
        }

        lastTotals = now;
        lastFullTotals = full ? now : lastFullTotals;
        var counted = new List<(BoardSubscription.TotalsKey, BoardTotalsChanged)>(keys.Count);
        foreach (var key in keys)
        {
            counted.Add((key, new BoardTotalsChanged(await source.TotalsAsync(key.Viewer, key.Filter, now, cancellationToken))));
        }

        return counted;
    }

    private static void SendTotals(ImmutableArray<BoardSubscription> current, List<(BoardSubscription.TotalsKey Key, BoardTotalsChanged Totals)> totals)
    {
        foreach (var (key, changed) in totals)
        {
            foreach (var board in current.Where(s => s.Totals == key))
            {
                board.Send(changed);
            }
        }
    }

    private async Task<BoardViewer[]> ViewersAsync(ImmutableArray<BoardSubscription> boards, CancellationToken cancellationToken)
    {
        var principals = await Task.WhenAll(boards.Select(PrincipalAsync));
        var needDepartment = principals
            .Where(p => !BoardAudience.SeesEveryCase(p.IsInRole) && BoardAudience.SeesDepartmentCases(p.IsInRole))
            .Select(p => p.FindFirstValue(ClaimTypes.NameIdentifier))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var departments = needDepartment.Count == 0
            ? new Dictionary<string, int?>()
            : await source.DepartmentsAsync(needDepartment, cancellationToken);
        return principals.Select(p => BoardViewers.For(p, p.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? departments.GetValueOrDefault(id) : null))
            .ToArray();
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(BoardSubscription board)
    {
        try
        {
            return await board.Principal();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // A circuit going away: it sees nothing any more.
            logger.LogDebug(ex, "Board subscriber without an authentication state");
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
    }
}
