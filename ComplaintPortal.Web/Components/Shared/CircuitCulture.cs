using System.Globalization;

namespace ComplaintPortal.Web.Components.Shared;

/// <summary>
/// The language of a circuit, taken when a component is made there, for work run on the circuit for an event raised
/// elsewhere: another person's save, a feed, a background service. Blazor runs such work on the raising thread when the
/// circuit is idle, and the culture flows with that thread, so a page re-drawn for a colleague's action would speak the
/// colleague's language (and for a background service, English).
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    /// <summary><paramref name="work"/>, run in the circuit's language.</summary>
    public Func<Task> Around(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return async () =>
        {
            // An async method: the culture set here stays in it and does not leak back to the raising thread.
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            await work();
        };
    }
}
