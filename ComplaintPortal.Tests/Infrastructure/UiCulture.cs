using System.Globalization;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>Pins the UI culture (the language of resource strings) for a block, and puts the previous one back.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
