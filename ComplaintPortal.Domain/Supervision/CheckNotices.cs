using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>What a notice about checks given to a member says: the draw's period, how many checks, and who gave them.</summary>
public sealed record CheckNoticeText(ReportPeriod? Period, int Count, string By);

/// <summary>
/// The notices about a sample draw's checks. Their text is invariant ("Month 2026 2", the count, the giver's name, a line
/// each); pages word it in the reader's language.
/// </summary>
public static class CheckNotices
{
    /// <summary>To the member given <paramref name="count"/> checks of <paramref name="draw"/> by <paramref name="byName"/>.</summary>
    public static Notification Assigned(SampleDraw draw, string checkerUserId, int count, string byName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var period = draw.Period;
        var text = string.Create(CultureInfo.InvariantCulture, $"{period.Kind} {period.Year} {period.Number}\n{count}\n{byName.ReplaceLineEndings(" ")}");
        return Notification.AboutDraw(checkerUserId, draw.Id, NotificationKind.ChecksAssigned, text.Truncate(Notification.TextMaxLength), now);
    }

    /// <summary>What a notice's text says; a part it cannot read is left out (no period, no count).</summary>
    public static CheckNoticeText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', 3);
        var period = lines[0].Split(' ') is [var kind, var year, var number]
            && Enum.TryParse<ReportPeriodKind>(kind, out var k) && Enum.IsDefined(k)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? new ReportPeriod(k, y, n)
                : null;
        var count = lines.Length > 1 && int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
        return new CheckNoticeText(period, count, lines.Length > 2 ? lines[2] : "");
    }
}
