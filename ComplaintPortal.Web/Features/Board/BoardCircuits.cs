using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Counts the open circuits of this instance (for the board's diagnostics and benchmark).</summary>
public sealed class CircuitCount
{
    private int open;

    public int Open => Volatile.Read(ref open);

    internal void Opened() => Interlocked.Increment(ref open);

    internal void Closed() => Interlocked.Decrement(ref open);
}

/// <summary>
/// One per circuit. Tells a board when its connection came back, so it reloads its rows: whatever it
/// showed may have changed while the browser was away.
/// </summary>
public sealed class BoardCircuitHandler(CircuitCount count) : CircuitHandler
{
    public event Func<Task>? Reconnected;

    private bool connectedBefore;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Closed();
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (connectedBefore && Reconnected is { } reconnected)
        {
            await reconnected();
        }

        connectedBefore = true;
    }
}
