using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Web.Features.Cases.Timeline;

/// <summary>
/// What a ledger line records, read back from the note the domain wrote (<see cref="LedgerNoteReader"/>).
/// Only the fields the line's action records are set; <see cref="Text"/> is what the person wrote.
/// </summary>
public sealed record LedgerFacts
{
    public static LedgerFacts None { get; } = new();

    /// <summary>Free text a person wrote (reason, message, findings); shown as written.</summary>
    public string? Text { get; init; }

    public string? CaseNumber { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public string? CategoryCode { get; init; }

    public Severity? Severity { get; init; }

    public Urgency? Urgency { get; init; }

    public Priority? Priority { get; init; }

    public DateTimeOffset? PromisedAt { get; init; }

    public IReadOnlyList<string> DepartmentCodes { get; init; } = [];

    public DateTimeOffset? TaskDeadline { get; init; }

    public string? Owner { get; init; }

    public string? RootCause { get; init; }

    public string? CauseCategoryCode { get; init; }

    public string? ResponsiblePerson { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>The solution type's code; the timeline shows its name.</summary>
    public string? SolutionTypeCode { get; init; }

    public ReplyChannel? ReplyChannel { get; init; }

    public bool? Satisfied { get; init; }

    public bool? SatisfiedWithAttitude { get; init; }

    /// <summary>At a callback: other problems or suggestions the customer raised.</summary>
    public string? Suggestion { get; init; }

    /// <summary>With a work note: whom it told, by name.</summary>
    public IReadOnlyList<string> Told { get; init; } = [];

    public string? DuplicateOf { get; init; }

    public EvidenceFact? File { get; init; }

    /// <summary>Deadlines set or moved, or the one that became due-soon or overdue.</summary>
    public IReadOnlyList<DeadlineFact> Deadlines { get; init; } = [];

    public DateTimeOffset? PausedFrom { get; init; }

    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The emergency procedure escalated the case by itself (urgent and serious).</summary>
    public bool AutomaticEscalation { get; init; }

    /// <summary>The deadline monitor escalated the case because these deadlines were overdue (<see cref="Deadlines"/>, without instants).</summary>
    public bool OverdueEscalation { get; init; }

    /// <summary>The deadlines started again because the case was reopened.</summary>
    public bool Reopened { get; init; }

    /// <summary>A calendar's new days off moved a deadline (each <see cref="DeadlineFact.Before"/> is where it was).</summary>
    public bool Recomputed { get; init; }

    /// <summary>After a re-computation the deadline still reaches a year whose days off are not known.</summary>
    public bool StillProvisional { get; init; }
}

public sealed record EvidenceFact(string FileName, string ContentType, long SizeBytes, string Sha256);

/// <param name="DepartmentId">The task's department, for a department task deadline.</param>
/// <param name="DueAt">When it falls due (not named by an escalation).</param>
/// <param name="Before">Where a re-computation moved it from.</param>
public sealed record DeadlineFact(DeadlineKind Kind, int? DepartmentId, DateTimeOffset? DueAt, DateTimeOffset? Before = null);
