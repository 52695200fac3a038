using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// MudBlazor's date picker that says, each time its typed text has been read or the field cleared, whether the text was
/// a day. The picker itself only empties its value when the text is not one, and does not call back at all when the
/// value was empty already, so a form could not otherwise tell an empty field from one still being corrected.
/// </summary>
public sealed class DayPicker : MudDatePicker
{
    /// <summary>Called with true when the typed text is not a day, false when it is (or the field was cleared).</summary>
    [Parameter]
    public Action<bool>? TextRead { get; set; }

    protected override async Task StringValueChangedAsync(string? value)
    {
        await base.StringValueChangedAsync(value);
        if (ConversionError)
        {
            // The picker words a conversion error only when its value changed with it: typed into an empty field, the
            // text would be marked red with no words.
            await ValidateAsync();
        }

        TextRead?.Invoke(ConversionError);
    }

    public override async Task ClearAsync(bool close = true)
    {
        await base.ClearAsync(close);
        TextRead?.Invoke(false);
    }
}
