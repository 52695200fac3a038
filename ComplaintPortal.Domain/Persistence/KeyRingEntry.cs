namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// One key of the web host's data-protection key ring (what protects sign-in cookies and antiforgery
/// tokens), kept in the portal's database so every instance of a deployment reads the same ring without
/// a shared folder. The schema lives here with the rest; the Web reads and writes the rows through
/// ASP.NET Core's own <c>DataProtectionKey</c> type mapped to the same table. The domain never uses them.
/// </summary>
public sealed class KeyRingEntry
{
    public const string Table = "DataProtectionKeys";

    private KeyRingEntry()
    {
    }

    public int Id { get; private set; }

    public string? FriendlyName { get; private set; }

    public string? Xml { get; private set; }
}
