using System.Globalization;

namespace ComplaintPortal.Web.Features.Localization;

/// <summary>
/// Resource lookups and formatting in one language for the scope's length, whatever thread runs it: a board row drawn for
/// its viewers, a mail written in its reader's language. The thread's languages come back when it is disposed.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public CultureScope(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
}
