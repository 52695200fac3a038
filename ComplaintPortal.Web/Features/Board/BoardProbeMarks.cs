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
    private const int Capacity = 8;
    private readonly long[] committed = new long[Capacity];
    private readonly int[] renderedIn = new int[Capacity];
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

        if (waiting == Capacity)
        {
            probe.Dropped();
            return;
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
