using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// A year field's inline message: the fields take any number typed (a numeric field's Min and Max would silently turn
/// "12" into 2000) and say on the field when it is outside <see cref="ReportPeriod.FirstYear"/>-<see cref="ReportPeriod.LastYear"/>.
/// It is the field's validation (MudBlazor's own validation replaces an Error and ErrorText set from outside once the value
/// changes), and the form's button stays off while the year is outside.
/// </summary>
public static class YearRange
{
    public static readonly Func<int, string?> Validation = year => IsOutside(year) ? Message : null;

    public static bool IsOutside(int year) => !ReportPeriod.YearInRange(year);

    public static string Message => string.Format(CultureInfo.CurrentCulture, InputText.Input_YearRange, ReportPeriod.FirstYear, ReportPeriod.LastYear);
}
