namespace ComplaintPortal.Web.Features.Privacy;

/// <summary>
/// Decides when a page's load is a new look at a case (one line in the personal-data view log) rather than the
/// same look again: a page is prerendered and then runs again interactively, and reloads itself after each
/// step. The prerender logs and hands the case over (<see cref="Prerendered"/>, persisted into the circuit);
/// the interactive run then logs only a case it moves on to.
/// </summary>
public sealed class PageViewOnce
{
    private string? current;

    /// <summary>The case the prerender logged; read back by the interactive run.</summary>
    public string? Prerendered { get; set; }

    /// <returns>True when showing <paramref name="caseNumber"/> now is a new look to log.</returns>
    public bool IsNewView(string caseNumber, bool interactive)
    {
        if (string.Equals(current, caseNumber, StringComparison.Ordinal))
        {
            return false;
        }

        current = caseNumber;
        if (!interactive)
        {
            Prerendered = caseNumber;
            return true;
        }

        if (string.Equals(Prerendered, caseNumber, StringComparison.Ordinal))
        {
            Prerendered = null;
            return false;
        }

        return true;
    }
}
