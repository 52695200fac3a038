using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Validation;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>
/// The limits every action's input meets before any step reads it: texts no longer than the columns
/// they end up in (refused, never cut), no control characters, enumerations defined. Field names are
/// the case page's form field names, so a form can show the message next to the field.
/// </summary>
public static class WorkflowInputRules
{
    public static class Fields
    {
        public const string Note = "note";
        public const string RootCause = "rootCause";
        public const string ResponsiblePerson = "responsiblePerson";
        public const string SolutionType = "solutionType";
        public const string CauseCategory = "causeCategory";
        public const string AssigneeUserId = "assigneeUserId";
        public const string DuplicateOf = "duplicateOf";
        public const string Severity = "severity";
        public const string Urgency = "urgency";
        public const string ReplyChannel = "replyChannel";
        public const string File = "file";
        public const string Suggestion = "suggestion";
        public const string Notify = "notify";
    }

    private const int UserIdMaxLength = 450;

    /// <summary>The most people one work note tells.</summary>
    public const int MaxNotified = 20;

    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.Ordinal)
    {
        [Fields.Note] = Complaint.TextMaxLength,
        [Fields.RootCause] = Complaint.TextMaxLength,
        [Fields.ResponsiblePerson] = Complaint.ShortTextMaxLength,
        [Fields.SolutionType] = CatalogueEntry.CodeMaxLength,
        [Fields.CauseCategory] = CatalogueEntry.CodeMaxLength,
        [Fields.AssigneeUserId] = UserIdMaxLength,
        [Fields.DuplicateOf] = CaseNumber.MaxLength,
        [Fields.File] = Evidence.FileNameMaxLength,
        [Fields.Suggestion] = Complaint.TextMaxLength,
    };

    /// <summary>The longest value a text field takes, or null for fields that are not text.</summary>
    public static int? MaxLengthOf(string field) => MaxLengths.TryGetValue(field, out var max) ? max : null;

    /// <summary>The first refused value, or null when the input may go to the step.</summary>
    public static FieldError? Check(WorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        TextRules.Check(errors, Fields.Note, input.Note, MaxLengths[Fields.Note], TextShape.MultiLine);
        TextRules.Check(errors, Fields.RootCause, input.RootCause, MaxLengths[Fields.RootCause], TextShape.MultiLine);
        TextRules.Check(errors, Fields.ResponsiblePerson, input.ResponsiblePerson, MaxLengths[Fields.ResponsiblePerson], TextShape.SingleLine);
        TextRules.Check(errors, Fields.SolutionType, input.SolutionTypeCode, MaxLengths[Fields.SolutionType], TextShape.SingleLine);
        TextRules.Check(errors, Fields.CauseCategory, input.CauseCategoryCode, MaxLengths[Fields.CauseCategory], TextShape.SingleLine);
        TextRules.Check(errors, Fields.AssigneeUserId, input.AssigneeUserId, MaxLengths[Fields.AssigneeUserId], TextShape.SingleLine);
        TextRules.Check(errors, Fields.Suggestion, input.Suggestion, MaxLengths[Fields.Suggestion], TextShape.MultiLine);
        TextRules.Check(errors, Fields.DuplicateOf, input.DuplicateOfCaseNumber, MaxLengths[Fields.DuplicateOf], TextShape.SingleLine);
        foreach (var id in input.NotifyUserIds)
        {
            TextRules.Check(errors, Fields.Notify, id, UserIdMaxLength, TextShape.SingleLine);
        }

        if (input.NotifyUserIds.Count > MaxNotified)
        {
            errors.Add(new FieldError(Fields.Notify, InputProblem.TooLong, MaxNotified));
        }

        TextRules.CheckDefined(errors, Fields.Severity, input.Severity);
        TextRules.CheckDefined(errors, Fields.Urgency, input.Urgency);
        TextRules.CheckDefined(errors, Fields.ReplyChannel, input.ReplyChannel);
        if (input.Evidence is { } file)
        {
            TextRules.Check(errors, Fields.File, file.FileName, MaxLengths[Fields.File], TextShape.SingleLine);
            // Only what the evidence store vouches for: its own file, with the type the policy gives the name.
            if (errors.Count == 0 && (EvidencePolicy.ContentTypeFor(file.FileName, file.SizeBytes) != file.ContentType
                || !EvidencePolicy.IsStoredFile(file.StoredName, file.Sha256)))
            {
                errors.Add(new FieldError(Fields.File, InputProblem.NotDefined));
            }
        }

        return errors.Count == 0 ? null : errors[0];
    }

    /// <summary>The ledger keeps a step's summary whole; a summary that would not fit refuses the step.</summary>
    public static FieldError? CheckLedgerNote(string? note) =>
        note is { Length: > LedgerEvent.NoteMaxLength }
            ? new FieldError(Fields.Note, InputProblem.TooLong, LedgerEvent.NoteMaxLength)
            : null;
}
