using System.Globalization;

namespace ComplaintPortal.Domain.Validation;

/// <summary>What a text field may hold: one line (names, numbers, codes) or several (notes, descriptions).</summary>
public enum TextShape
{
    SingleLine = 0,
    MultiLine = 1,
}

/// <summary>Why a value was refused at the domain's door. The Web shows <c>Input_{problem}</c> with the field's label.</summary>
public enum InputProblem
{
    None = 0,

    /// <summary>Longer than the column that would hold it: refused, never cut.</summary>
    TooLong = 1,

    /// <summary>Control characters (or line breaks in a one-line field), broken UTF-16, or non-characters.</summary>
    ControlCharacters = 2,

    /// <summary>A number that is not one of the enumeration's values (e.g. <c>urgency=-1</c>).</summary>
    NotDefined = 3,
}

/// <summary>One refused value: the field as the caller named it, the problem, and the limit when there is one.</summary>
public sealed record FieldError(string Field, InputProblem Problem, int? MaxLength = null);

/// <summary>
/// The checks every stored text passes. Line breaks and tabs are fine in multi-line text; any other
/// control character, a lone surrogate or U+FFFE/U+FFFF is refused, because such text breaks exports
/// (XML cannot hold it), logs and the screens of other people.
/// </summary>
public static class TextRules
{
    public static InputProblem Check(string? value, int maxLength, TextShape shape)
    {
        if (value is null)
        {
            return InputProblem.None;
        }

        if (value.Length > maxLength)
        {
            return InputProblem.TooLong;
        }

        return IsClean(value, shape) ? InputProblem.None : InputProblem.ControlCharacters;
    }

    /// <summary>Adds a <see cref="FieldError"/> to <paramref name="errors"/> when the value fails <see cref="Check"/>.</summary>
    public static void Check(ICollection<FieldError> errors, string field, string? value, int maxLength, TextShape shape)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = Check(value, maxLength, shape);
        if (problem != InputProblem.None)
        {
            errors.Add(new FieldError(field, problem, problem == InputProblem.TooLong ? maxLength : null));
        }
    }

    /// <summary>Adds a <see cref="FieldError"/> when an enumeration value is set but not defined.</summary>
    public static void CheckDefined<TEnum>(ICollection<FieldError> errors, string field, TEnum? value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is { } v && !IsDefined(v))
        {
            errors.Add(new FieldError(field, InputProblem.NotDefined));
        }
    }

    /// <summary>
    /// Whether an enumeration value is one of its type's values, or for a <see cref="FlagsAttribute"/> type any combination of
    /// them (a case both urgent and overdue is <c>Urgent | Overdue</c>, which <see cref="Enum.IsDefined(Type, object)"/> calls undefined).
    /// </summary>
    public static bool IsDefined(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (Enum.IsDefined(type, value))
        {
            return true;
        }
        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return false;
        }
        var known = Enum.GetValues(type).Cast<Enum>().Aggregate(0UL, (all, flag) => all | Convert.ToUInt64(flag, CultureInfo.InvariantCulture));
        return (Convert.ToUInt64(value, CultureInfo.InvariantCulture) & ~known) == 0;
    }

    public static bool IsClean(string value, TextShape shape)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            var lineBreakOrTab = c is '\r' or '\n' or '\t' or '\u2028' or '\u2029';
            if (lineBreakOrTab ? shape == TextShape.SingleLine : char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For names from a system the portal trusts but does not control (the identity provider): anything
    /// that is not plain one-line text becomes a space, and the text is cut to fit at a whole character.
    /// Input people type is refused instead (<see cref="Check(string?, int, TextShape)"/>).
    /// </summary>
    public static string ToOneLine(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new System.Text.StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var rune in value.EnumerateRunes())
        {
            var plain = !System.Text.Rune.IsControl(rune) && rune.Value is not (0x2028 or 0x2029 or 0xFFFE or 0xFFFF)
                && rune != System.Text.Rune.ReplacementChar;
            var piece = plain ? rune.ToString() : " ";
            if (text.Length + piece.Length > maxLength)
            {
                break;
            }

            text.Append(piece);
        }

        return text.ToString().Trim();
    }
}
