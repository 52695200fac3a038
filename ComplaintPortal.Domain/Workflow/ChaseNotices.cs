namespace ComplaintPortal.Domain.Workflow;

/// <summary>
/// What a notice about a chased task (催办) says after its case number: who chased it, then what they said (nothing, when
/// they said nothing), a line each. Pages word it in the reader's language.
/// </summary>
public static class ChaseNotices
{
    public static string Text(string byName, string? said)
    {
        ArgumentNullException.ThrowIfNull(byName);
        return byName.ReplaceLineEndings(" ") + "\n" + (said ?? "");
    }

    /// <summary>Who chased and what they said, from a notice's stored text (<c>KS-2026-000042: 客服 王芳\n请今天答复</c>).</summary>
    public static (string By, string Said) Read(string text, string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(caseNumber);
        var rest = text.StartsWith(caseNumber + ": ", StringComparison.Ordinal) ? text[(caseNumber.Length + 2)..] : text;
        return rest.Split('\n', 2) is [var by, var said] ? (by, said) : ("", rest);
    }
}
