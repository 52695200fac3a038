namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The portal's shell for the live board (desk and wall): the same markup as <see cref="MainLayout"/> without
/// MudBlazor's popover, dialog and snackbar providers, which the board never uses. Every open board (a wall screen
/// may stay open for weeks) then holds three components, their services and their script set-up less. Nor does it hold
/// an error boundary: the board's circuit memory was measured without one (bench/README.md), and a board whose circuit
/// ends shows the reconnection dialog, which offers a reload.
/// </summary>
public sealed class BoardLayout : MainLayout
{
    protected override bool WithProviders => false;

    protected override bool WithErrorBoundary => false;
}
