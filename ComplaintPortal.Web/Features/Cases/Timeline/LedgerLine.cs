using ComplaintPortal.Domain.Ledger;

namespace ComplaintPortal.Web.Features.Cases.Timeline;

/// <summary>The kinds the timeline filters by.</summary>
public enum LedgerKind
{
    /// <summary>The case's own steps through the workflow.</summary>
    Steps = 0,

    /// <summary>Contact with the customer: acknowledgement, reply, callback, waiting.</summary>
    Customer = 1,

    /// <summary>Time limits set, moved, due soon or overdue.</summary>
    Deadlines = 2,

    Evidence = 3,

    /// <summary>Escalation, on-site inspection and leadership's closure decisions.</summary>
    Leadership = 4,

    /// <summary>Work notes (工作备注) the people on the case wrote on it.</summary>
    Notes = 5,
}

/// <summary>One ledger event as a person reads it: every part localized, times in the organisation's zone, names not ids.</summary>
public sealed record LedgerLine(
    LedgerEvent Event,
    LedgerKind Kind,
    string Title,
    string? StageChange,
    string Time,
    string Actor,
    string? Department,
    IReadOnlyList<LedgerDetail> Details,
    string? Text);

public sealed record LedgerDetail(string Label, string Value);
