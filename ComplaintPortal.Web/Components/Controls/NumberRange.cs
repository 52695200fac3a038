using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// A bounded whole-number field's inline message, for fields given as their validation instead of Min and Max: MudBlazor's
/// numeric field clamps to Min and Max without a word (150 % becomes 100 %, 0 days becomes 1), so the value would not be
/// the one typed. The field keeps what was typed and says what it takes; the form's button checks <see cref="Contains"/>.
/// </summary>
public static class NumberRange
{
    public static bool Contains(int value, int min, int max) => value >= min && value <= max;

    public static string? Error(int value, int min, int max) => Contains(value, min, max) ? null : Message(min, max);

    public static Func<int, string?> Validation(int min, int max) => value => Error(value, min, max);

    public static string Message(int min, int max) => string.Format(CultureInfo.CurrentCulture, InputText.Input_NumberRange, min, max);
}
