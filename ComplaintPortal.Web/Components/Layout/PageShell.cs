namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// What the first request told the page's shell, kept for the circuit (one small object instead of a cascading value
/// component in every circuit): the light/dark cookie and whether the page's head is static (<see cref="StaticHeadAttribute"/>).
/// <see cref="Routes"/> fills it from its parameters, which <see cref="App"/> sets while it has the request.
/// </summary>
public sealed class PageShell
{
    /// <summary>The light/dark choice from the cookie ("dark", "light" or none).</summary>
    public string? Theme { get; set; }

    public bool Dark => Theme == "dark";

    /// <summary>
    /// The page was loaded with a static head: its title is written once by the server and the circuit holds no head
    /// outlet, page title or focus-on-navigate components; links to other pages load them afresh (portal.js).
    /// </summary>
    public bool StaticHead { get; set; }
}

/// <summary>
/// A page whose circuit keeps no head machinery: the server writes its title once (a static <c>HeadOutlet</c>), the
/// circuit holds no <c>HeadOutlet</c>, section outlets, <c>PageTitle</c> or <c>FocusOnNavigate</c> (8 components and the
/// JS interop they call), and a link from it to another page is a full page load. For pages left open for hours on many
/// screens (the live board; bench/README.md, memory per circuit). It applies when the page is the first one loaded;
/// reached by in-circuit navigation from another page, the page keeps that circuit's head outlet.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StaticHeadAttribute : Attribute;

/// <summary>
/// Marks a paper form (the case's handling form): drawn in the light palette whatever the person chose for the screen, as it
/// will be printed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PaperPageAttribute : Attribute;
