namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// The fields of one form whose typed text could not be read (a day or a time still being corrected). MudBlazor's date
/// picker empties its value when its text is not a date, so a form saved then would store the field empty (or, for a
/// narrowing, fall back to what was asked) while the box still shows what was typed. Forms cascade one of these to their
/// <see cref="DayField"/>s and <see cref="MomentField"/>s and go no further while <see cref="Any"/> holds.
/// </summary>
public sealed class UnreadFields
{
    private readonly HashSet<object> fields = [];

    public bool Any => fields.Count > 0;

    /// <summary>Raised when the last unread field is corrected or gone, so a form can take back what it said about them.</summary>
    public event Action? AllRead;

    public void Mark(object field, bool unread)
    {
        if (unread)
        {
            fields.Add(field);
        }
        else if (fields.Remove(field) && fields.Count == 0)
        {
            AllRead?.Invoke();
        }
    }
}
