namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// One open board's part of the <see cref="BoardProbe"/> (diagnostics only): the commit instants of the changes it was
/// sent that it has not yet rendered, or whose render the browser has not yet acknowledged. Only the board's circuit
/// touches it (its updates, renders and after-render calls are serialized), so it needs no lock. Blazor calls
/// <c>OnAfterRender</c> once per render, in order, when the browser acknowledges that render's batch; so the n-th
/// acknowledgement belongs to the n-th render.
/// </summary>
internal sealed class BoardProbeMarks(BoardProbe probe)
{
    // A browser that lags keeps many renders unacknowledged (tens at 100 boards on 2 cores): the marks grow to this many.
    private const int MaxWaiting = 512;
    private long[] committed = new long[8];
    private int[] renderedIn = new int[8];
    private int waiting;
    private int renders;
    private int acknowledgements;

    public static BoardProbeMarks? For(BoardProbe probe) => probe.Enabled ? new BoardProbeMarks(probe) : null;

    public ProbeWork Start() => probe.Start();

    public void Worked(ProbeWork work) => probe.CircuitWorked(work);

    /// <summary>A change committed at <paramref name="committedAt"/> (0: not known here, e.g. another instance's) was applied.</summary>
    public void Delivered(long committedAt)
    {
        if (committedAt == 0)
        {
            return;
        }

        if (waiting == committed.Length)
        {
            if (waiting == MaxWaiting)
            {
                probe.Dropped();
                return;
            }

            Array.Resize(ref committed, waiting * 2);
            Array.Resize(ref renderedIn, waiting * 2);
        }

        (committed[waiting], renderedIn[waiting]) = (committedAt, 0);
        waiting++;
    }

    /// <summary>Called from the board's render: the changes applied since the last render are in this one.</summary>
    public void Rendered()
    {
        renders++;
        for (var i = 0; i < waiting; i++)
        {
            if (renderedIn[i] == 0)
            {
                probe.Rendered(committed[i]);
                renderedIn[i] = renders;
            }
        }
    }

    /// <summary>Called first thing in the board's <c>OnAfterRenderAsync</c>: the browser acknowledged one more render.</summary>
    public void Acknowledged()
    {
        acknowledgements++;
        var kept = 0;
        for (var i = 0; i < waiting; i++)
        {
            if (renderedIn[i] != 0 && renderedIn[i] <= acknowledgements)
            {
                probe.Acknowledged(committed[i]);
            }
            else
            {
                (committed[kept], renderedIn[kept]) = (committed[i], renderedIn[i]);
                kept++;
            }
        }

        waiting = kept;
    }
}
