using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Web.Features.Cases.Timeline;

/// <summary>
/// Reads the notes the workflow, the deadline planner and the deadline monitor write into the ledger
/// (ComplaintWorkflow.Steps/DepartmentSteps, CaseDeadlines, DeadlineMonitor) back into
/// <see cref="LedgerFacts"/>, so the timeline can say them in the viewer's language. The notes stay as
/// written (they are hashed into the chain); a note in a shape this reader does not know is shown as text.
/// </summary>
public static partial class LedgerNoteReader
{
    /// <summary>The ledger action of the deadline lines (CaseDeadlines.LedgerAction and DeadlineMonitor).</summary>
    public const string DeadlinesAction = CaseDeadlines.LedgerAction;

    private const string AutomaticEscalationNote = "urgent + serious";

    private const string OverduePrefix = "overdue: ";

    public static LedgerFacts Read(string action, string? note)
    {
        if (string.IsNullOrEmpty(note))
        {
            return LedgerFacts.None;
        }

        if (action == DeadlinesAction)
        {
            return Deadlines(note);
        }

        if (action == DeadlineMonitor.LedgerActionFor(DeadlineLevel.DueSoon) || action == DeadlineMonitor.LedgerActionFor(DeadlineLevel.Overdue))
        {
            return Transition(note);
        }

        return Enum.TryParse<WorkflowAction>(action, out var step) ? Step(step, note) ?? new() { Text = note } : new() { Text = note };
    }

    private static LedgerFacts? Step(WorkflowAction action, string note) => action switch
    {
        WorkflowAction.Register => Register(note),
        WorkflowAction.Assess => Assess(note),
        WorkflowAction.Acknowledge => Acknowledge(note),
        WorkflowAction.Dispatch => Dispatch(note),
        WorkflowAction.ReassignTask => Prefixed(note, "owner=") is { } owner ? new() { Owner = owner.Value, Text = owner.Remainder } : null,
        WorkflowAction.RecordFindings => Findings(note),
        WorkflowAction.ProposeSolution => Solution(note),
        WorkflowAction.Reply => Reply(note),
        WorkflowAction.CloseSatisfied or WorkflowAction.ReopenUnsatisfied or WorkflowAction.RequestUnsatisfiedClosure => Callback(note),
        WorkflowAction.MarkDuplicate => Duplicate(note),
        WorkflowAction.AttachEvidence => File(note),
        WorkflowAction.Escalate => Escalation(note),
        WorkflowAction.AddNote => WorkNotes.Read(note) is var (told, text) ? new() { Told = told, Text = text } : null,
        _ => new() { Text = note },
    };

    // "{number}; channel={Channel}"
    private static LedgerFacts? Register(string note)
    {
        var parts = note.Split("; ", 2);
        return parts.Length == 2 && Prefixed(parts[1], "channel=") is { } channel && Enum.TryParse<ComplaintChannel>(channel.Value, out var c)
            ? new() { CaseNumber = parts[0], Channel = c }
            : null;
    }

    // "category={code}; severity={S}; urgency={U}; priority={P}[; text]"
    private static LedgerFacts? Assess(string note)
    {
        var parts = note.Split("; ", 5);
        if (parts.Length < 4 || !parts[0].StartsWith("category=", StringComparison.Ordinal)
            || !Enum.TryParse<Severity>(After(parts[1], "severity="), out var severity)
            || !Enum.TryParse<Urgency>(After(parts[2], "urgency="), out var urgency)
            || !Enum.TryParse<Priority>(After(parts[3], "priority="), out var priority))
        {
            return null;
        }

        return new()
        {
            CategoryCode = parts[0]["category=".Length..], Severity = severity, Urgency = urgency, Priority = priority,
            Text = parts.Length == 5 ? parts[4] : null,
        };
    }

    // "promised={ISO}; {text}"
    private static LedgerFacts? Acknowledge(string note) =>
        Prefixed(note, "promised=") is { } p && Instant(p.Value) is { } promised ? new() { PromisedAt = promised, Text = p.Remainder } : null;

    // "departments={CODE,CODE}; deadline={ISO}[; text]"
    private static LedgerFacts? Dispatch(string note)
    {
        var parts = note.Split("; ", 3);
        if (parts.Length < 2 || !parts[0].StartsWith("departments=", StringComparison.Ordinal)
            || Instant(After(parts[1], "deadline=")) is not { } deadline)
        {
            return null;
        }

        return new()
        {
            DepartmentCodes = parts[0]["departments=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries),
            TaskDeadline = deadline,
            Text = parts.Length == 3 ? parts[2] : null,
        };
    }

    // "{findings}[; cause={cause category code}][; root cause: {cause}]"
    private static LedgerFacts Findings(string note)
    {
        const string marker = "; root cause: ";
        var at = note.LastIndexOf(marker, StringComparison.Ordinal);
        var (findings, rootCause) = at < 0 ? (note, null) : (note[..at], note[(at + marker.Length)..]);
        var filed = CausePattern().Match(findings);
        return filed.Success
            ? new() { Text = filed.Groups["text"].Value, CauseCategoryCode = filed.Groups["code"].Value, RootCause = rootCause }
            : new() { Text = findings, RootCause = rootCause };
    }

    // "{measures}; responsible: {person}; due {yyyy-MM-dd}[; type={solution type code}]"
    private static LedgerFacts? Solution(string note)
    {
        var match = SolutionPattern().Match(note);
        return match.Success && DateOnly.TryParseExact(match.Groups["due"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new()
            {
                Text = match.Groups["text"].Value, ResponsiblePerson = match.Groups["who"].Value, DueDate = due,
                SolutionTypeCode = match.Groups["type"].Success ? match.Groups["type"].Value : null,
            }
            : null;
    }

    // "[{ReplyChannel}] {text}"
    private static LedgerFacts? Reply(string note)
    {
        var match = ReplyPattern().Match(note);
        return match.Success && Enum.TryParse<ReplyChannel>(match.Groups["channel"].Value, out var channel)
            ? new() { ReplyChannel = channel, Text = match.Groups["text"].Value }
            : null;
    }

    // "satisfied={True|False}; attitude={True|False|-}[; suggestion#{length}={text}][; text]"
    private static LedgerFacts? Callback(string note) =>
        CallbackNotes.Read(note) is { } callback
            ? new() { Satisfied = callback.Satisfied, SatisfiedWithAttitude = callback.SatisfiedWithAttitude, Suggestion = callback.Suggestion, Text = callback.Remarks }
            : null;

    // "duplicate of {number}[; text]"
    private static LedgerFacts? Duplicate(string note)
    {
        const string prefix = "duplicate of ";
        if (!note.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = note[prefix.Length..].Split("; ", 2);
        return new() { DuplicateOf = parts[0], Text = parts.Length == 2 ? parts[1] : null };
    }

    // "{file name} ({content type}, {size} B, sha256 {hash})"
    private static LedgerFacts? File(string note)
    {
        var match = FilePattern().Match(note);
        return match.Success && long.TryParse(match.Groups["size"].Value, CultureInfo.InvariantCulture, out var size)
            ? new() { File = new(match.Groups["name"].Value, match.Groups["type"].Value, size, match.Groups["sha"].Value) }
            : null;
    }

    // "urgent + serious" (the emergency procedure), "overdue: FirstResponse, DepartmentTask#3" (the deadline
    // monitor), or the reason a person gave.
    private static LedgerFacts Escalation(string note)
    {
        if (note == AutomaticEscalationNote)
        {
            return new() { AutomaticEscalation = true };
        }

        if (!note.StartsWith(OverduePrefix, StringComparison.Ordinal))
        {
            return new() { Text = note };
        }

        var subjects = note[OverduePrefix.Length..].Split(", ").Select(s => SubjectPattern().Match(s)).ToList();
        return subjects.All(m => m.Success && Enum.TryParse<DeadlineKind>(m.Groups["kind"].Value, out _))
            ? new() { OverdueEscalation = true, Deadlines = subjects.Select(m => new DeadlineFact(Enum.Parse<DeadlineKind>(m.Groups["kind"].Value), Department(m), null)).ToList() }
            : new() { Text = note };
    }

    // "policy={summary}; FirstResponse={Z}; ..." after an assessment,
    // "reopened; policy={summary}; Completion={Z}; DepartmentTask#{departmentId}={Z}" after a reopening,
    // "paused {Z} to {Z}; FirstResponse={Z}; DepartmentTask#{departmentId}={Z}; ..." after a pause,
    // "calendar {code} re-computed: {Kind}[#{departmentId}] ({target}) {Z} -> {Z}[ (still provisional)]" after a calendar edit.
    private static LedgerFacts Deadlines(string note)
    {
        var recomputed = RecomputedPattern().Match(note);
        if (recomputed.Success)
        {
            return Enum.TryParse<DeadlineKind>(recomputed.Groups["kind"].Value, out var kind)
                ? new()
                {
                    Recomputed = true,
                    StillProvisional = recomputed.Groups["provisional"].Success,
                    Deadlines = [new(kind, Department(recomputed), Instant(recomputed.Groups["to"].Value), Instant(recomputed.Groups["from"].Value))],
                }
                : new() { Text = note };
        }

        var facts = new LedgerFacts { Reopened = note.StartsWith("reopened;", StringComparison.Ordinal) };
        var deadlines = new List<DeadlineFact>();
        foreach (var part in note.Split("; "))
        {
            var paused = PausePattern().Match(part);
            if (paused.Success)
            {
                facts = facts with { PausedFrom = Instant(paused.Groups["from"].Value), PausedUntil = Instant(paused.Groups["to"].Value) };
            }
            else if (DeadlinePattern().Match(part) is { Success: true } m && Deadline(m) is { } deadline)
            {
                deadlines.Add(deadline);
            }
        }

        return facts with { Deadlines = deadlines };
    }

    // "{Kind}[#{departmentId}] due {Z}"
    private static LedgerFacts Transition(string note)
    {
        var match = TransitionPattern().Match(note);
        return match.Success && Deadline(match) is { } deadline ? new() { Deadlines = [deadline] } : new() { Text = note };
    }

    private static DeadlineFact? Deadline(Match match) =>
        Enum.TryParse<DeadlineKind>(match.Groups["kind"].Value, out var kind) && Instant(match.Groups["due"].Value) is { } due
            ? new(kind, Department(match), due)
            : null;

    private static int? Department(Match match) =>
        int.TryParse(match.Groups["dept"].Value, CultureInfo.InvariantCulture, out var dept) ? dept : null;

    private static (string Value, string? Remainder)? Prefixed(string note, string prefix)
    {
        if (!note.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = note[prefix.Length..].Split("; ", 2);
        return (parts[0], parts.Length == 2 ? parts[1] : null);
    }

    private static string After(string part, string prefix) =>
        part.StartsWith(prefix, StringComparison.Ordinal) ? part[prefix.Length..] : "";

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    [GeneratedRegex(@"^(?<text>.*); responsible: (?<who>.*); due (?<due>\d{4}-\d{2}-\d{2})(; type=(?<type>[^;\s]+))?$", RegexOptions.Singleline)]
    private static partial Regex SolutionPattern();

    [GeneratedRegex(@"^(?<text>.*); cause=(?<code>[^;\s]+)$", RegexOptions.Singleline)]
    private static partial Regex CausePattern();

    [GeneratedRegex(@"^\[(?<channel>[A-Za-z]+)\] (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex ReplyPattern();

    [GeneratedRegex(@"^(?<name>.*) \((?<type>[^,()]+), (?<size>\d+) B, sha256 (?<sha>[0-9a-f]{64})\)$", RegexOptions.Singleline)]
    private static partial Regex FilePattern();

    [GeneratedRegex(@"^paused (?<from>\S+) to (?<to>\S+)$")]
    private static partial Regex PausePattern();

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+)(#(?<dept>\d+))?=(?<due>\d{4}-\d{2}-\d{2}T[\d:.]+Z)$")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+)(#(?<dept>\d+))? due (?<due>\S+)$")]
    private static partial Regex TransitionPattern();

    [GeneratedRegex(@"^(?<kind>[A-Za-z]+)(#(?<dept>\d+))?$")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^calendar \S+ re-computed: (?<kind>[A-Za-z]+)(#(?<dept>\d+))? \([^)]*\) (?<from>\S+) -> (?<to>\S+)(?<provisional> \(still provisional\))?$")]
    private static partial Regex RecomputedPattern();
}
