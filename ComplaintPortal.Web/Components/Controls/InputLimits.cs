namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// The longest text a field takes where no stored column sets it (searches, passwords, a calendar's lines). Every text
/// field has a limit: the browser sends a field's whole text in one circuit message, SignalR closes the connection on a
/// message over 32 KB, and the text pasted is then lost without a word (a Chinese character is three bytes).
/// </summary>
public static class InputLimits
{
    /// <summary>What a search or filter box takes: words, a name, a number or four digits of a phone.</summary>
    public const int Search = 100;

    /// <summary>A password: far beyond any policy, far below the message limit.</summary>
    public const int Password = 128;

    /// <summary>An e-mail address, as ASP.NET Core Identity stores it.</summary>
    public const int Email = 256;

    /// <summary>One weekday's working hours on a calendar (<c>09:00-12:00, 13:30-18:00</c>).</summary>
    public const int DayHours = 200;

    /// <summary>A calendar's special days, one a line: years of holidays and swapped working days.</summary>
    public const int SpecialDays = 8000;
}
