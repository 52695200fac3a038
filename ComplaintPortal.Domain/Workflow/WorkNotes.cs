namespace ComplaintPortal.Domain.Workflow;

/// <summary>
/// A work note's ledger line: the note itself, or, when it told people, <c>told#12=质量部 李强、客服 王芳; note</c>. The names
/// carry their length, so either may hold "; "; notes written before are read whole as before.
/// </summary>
public static class WorkNotes
{
    private const string ToldKey = "told";

    /// <summary>The names joined as a reader lists them.</summary>
    public const string NameSeparator = "、";

    public static string Write(IReadOnlyList<string> told, string note)
    {
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(note);
        if (told.Count == 0)
        {
            return note;
        }

        var names = string.Join(NameSeparator, told.Select(n => n.ReplaceLineEndings(" ")));
        return LengthPrefixed.Write(ToldKey, names) + "; " + note;
    }

    /// <summary>Whom the note told (none for a note that told nobody, or one written before) and the note.</summary>
    public static (IReadOnlyList<string> Told, string Note) Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (LengthPrefixed.TryRead(line, ToldKey, out var names, out var rest) && rest.StartsWith("; ", StringComparison.Ordinal))
        {
            return (names.Split(NameSeparator), rest[2..]);
        }

        return ([], line);
    }
}
