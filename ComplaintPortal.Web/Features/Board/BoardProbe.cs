using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Diagnostics only (<see cref="BoardOptions.Diagnostics"/>; otherwise <see cref="Enabled"/> is false, nothing is
/// allocated and every call returns at once). For each change delivered to an open board it records how long after
/// the commit the board rendered that change (the render batch holding the row is produced) and how long after the
/// commit the browser acknowledged that batch (Blazor Server runs <c>OnAfterRender</c> only then). It also adds up the
/// server CPU the fan-out costs: the feed's work per change (the row read per audience and the sends) and each board
/// circuit's work per update (applying it, rendering, diffing, serializing the batch), both on the thread's own CPU
/// clock (<see cref="ThreadCpu"/>), which a loaded machine does not inflate. One instance per process; a board keeps a
/// few marks of its own (<see cref="BoardProbeMarks"/>). Read by <c>/board/diagnostics</c>.
/// </summary>
public sealed class BoardProbe
{
    private const int CommitSlots = 1 << 12;
    private readonly TimeProvider time;
    private readonly bool cpuClock;
    private readonly Lock gate = new();
    private readonly (long EventId, long At)[] commits = [];
    private readonly ProbeSamples rendered = null!;
    private readonly ProbeSamples acknowledged = null!;
    private readonly ProbeTally fanOut = new();
    private readonly ProbeTally circuits = new();
    private long changes;
    private long deliveries;
    private long unstamped;
    private long dropped;

    public BoardProbe(TimeProvider time, IOptions<BoardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        Enabled = options.Value.Diagnostics;
        cpuClock = Enabled && options.Value.DiagnosticsThreadCpu && ThreadCpu.Measured;
        if (Enabled)
        {
            commits = new (long, long)[CommitSlots];
            rendered = new ProbeSamples();
            acknowledged = new ProbeSamples();
        }
    }

    /// <summary>A probe that records nothing (for a feed built without one).</summary>
    public static BoardProbe Off { get; } = new(TimeProvider.System, Options.Create(new BoardOptions()));

    public bool Enabled { get; }

    /// <summary>These ledger events were committed in this instance just now.</summary>
    public void Committed(IEnumerable<long> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (!Enabled)
        {
            return;
        }

        var at = time.GetTimestamp();
        lock (gate)
        {
            foreach (var id in eventIds)
            {
                commits[id & (CommitSlots - 1)] = (id, at);
            }
        }
    }

    /// <summary>When this instance committed the ledger event (a <see cref="TimeProvider.GetTimestamp"/>), or 0 if it did not or long ago.</summary>
    public long CommitOf(long eventId)
    {
        if (!Enabled)
        {
            return 0;
        }

        lock (gate)
        {
            var slot = commits[eventId & (CommitSlots - 1)];
            return slot.EventId == eventId ? slot.At : 0;
        }
    }

    /// <summary>Starts timing a piece of fan-out work on this thread (nothing when off).</summary>
    public ProbeWork Start() => Enabled
        ? new ProbeWork(cpuClock ? ThreadCpu.Nanoseconds() : 0, time.GetTimestamp(), Environment.CurrentManagedThreadId)
        : default;

    /// <summary>The feed published <paramref name="changed"/> changes as <paramref name="sent"/> rows to boards, <paramref name="withoutCommit"/> of them with no local commit instant.</summary>
    internal void FannedOut(ProbeWork work, int changed, int sent, int withoutCommit)
    {
        if (!Enabled || sent == 0)
        {
            return;
        }

        fanOut.Add(work, time, cpuClock);
        Interlocked.Add(ref changes, changed);
        Interlocked.Add(ref deliveries, sent);
        Interlocked.Add(ref unstamped, withoutCommit);
    }

    /// <summary>A board circuit applied what the feed sent it and rendered.</summary>
    internal void CircuitWorked(ProbeWork work)
    {
        if (Enabled)
        {
            circuits.Add(work, time, cpuClock);
        }
    }

    internal void Rendered(long committedAt) => rendered.Add(time.GetElapsedTime(committedAt));

    internal void Acknowledged(long committedAt) => acknowledged.Add(time.GetElapsedTime(committedAt));

    /// <summary>A board had more changes waiting for a render or an acknowledgement than it keeps marks for.</summary>
    internal void Dropped() => Interlocked.Increment(ref dropped);

    public void Reset()
    {
        if (!Enabled)
        {
            return;
        }

        rendered.Reset();
        acknowledged.Reset();
        fanOut.Reset();
        circuits.Reset();
        Interlocked.Exchange(ref changes, 0);
        Interlocked.Exchange(ref deliveries, 0);
        Interlocked.Exchange(ref unstamped, 0);
        Interlocked.Exchange(ref dropped, 0);
    }

    public BoardProbeReport Report()
    {
        if (!Enabled)
        {
            return new BoardProbeReport(false, false, 0, 0, 0, 0, new(0, null, null, null, null), new(0, null, null, null, null),
                fanOut.Figures(), circuits.Figures(), null);
        }

        var sent = Interlocked.Read(ref deliveries);
        var (feed, boards) = (fanOut.Figures(), circuits.Figures());
        return new BoardProbeReport(true, cpuClock, Interlocked.Read(ref changes), sent, Interlocked.Read(ref unstamped),
            Interlocked.Read(ref dropped), rendered.Figures(), acknowledged.Figures(), feed, boards,
            sent == 0 || !cpuClock ? null : Math.Round((feed.CpuMs + boards.CpuMs) / sent, 4));
    }
}

/// <summary>Where a piece of timed work started: the thread's CPU clock, a timestamp and the thread.</summary>
public readonly record struct ProbeWork(long CpuNanoseconds, long Timestamp, int Thread);

/// <summary>
/// What <c>/board/diagnostics</c> shows of the probe since the last reset. <see cref="Rendered"/>: commit → the board's render
/// of the change; <see cref="Acknowledged"/>: commit → the browser acknowledged that render. <see cref="CpuMsPerDelivery"/>: the
/// feed's and the circuits' CPU over the rows delivered, i.e. the server CPU per change per open board (the acknowledgement's
/// own handling and the socket writes are not in it; the whole-process CPU is).
/// </summary>
public sealed record BoardProbeReport(bool Enabled, bool ThreadCpuMeasured, long Changes, long Deliveries, long DeliveriesWithoutCommit,
    long MarksDropped, ProbeLatency Rendered, ProbeLatency Acknowledged, ProbeCost FanOut, ProbeCost Circuits, double? CpuMsPerDelivery);
