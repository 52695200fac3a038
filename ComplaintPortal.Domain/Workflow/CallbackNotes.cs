using System.Globalization;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>What the callback said, as a callback step's ledger line reads it back.</summary>
/// <param name="Suggestion">Other problems or suggestions the customer raised; null when none.</param>
/// <param name="Remarks">The remarks on the case; null when none.</param>
public sealed record CallbackNote(bool Satisfied, bool? SatisfiedWithAttitude, string? Suggestion, string? Remarks);

/// <summary>
/// The ledger line of a callback: <c>satisfied=True; attitude=-[; suggestion#12=…][; remarks]</c>. The suggestion carries its
/// length, so either text may hold "; "; lines written before suggestions were kept read as before.
/// </summary>
public static class CallbackNotes
{
    private const string SuggestionKey = "suggestion";

    public static string Write(bool satisfied, bool? attitude, string? suggestion, string? remarks)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"satisfied={satisfied}; attitude={attitude?.ToString() ?? "-"}");
        if (!string.IsNullOrWhiteSpace(suggestion))
        {
            line += "; " + LengthPrefixed.Write(SuggestionKey, suggestion);
        }

        return string.IsNullOrWhiteSpace(remarks) ? line : line + "; " + remarks;
    }

    /// <summary>The callback's answers, or null when the line is not a callback's.</summary>
    public static CallbackNote? Read(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var parts = note.Split("; ", 3);
        if (parts.Length < 2 || !parts[0].StartsWith("satisfied=", StringComparison.Ordinal)
            || !bool.TryParse(parts[0]["satisfied=".Length..], out var satisfied) || !parts[1].StartsWith("attitude=", StringComparison.Ordinal))
        {
            return null;
        }

        bool? attitude = bool.TryParse(parts[1]["attitude=".Length..], out var a) ? a : null;
        var rest = parts.Length == 3 ? parts[2] : null;
        string? suggestion = null;
        if (rest is not null && LengthPrefixed.TryRead(rest, SuggestionKey, out var said, out var after))
        {
            suggestion = said;
            rest = after is { Length: > 2 } && after.StartsWith("; ", StringComparison.Ordinal) ? after[2..] : null;
        }

        return new CallbackNote(satisfied, attitude, suggestion, rest);
    }
}
