namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// One complaint case: the registration record (客戶投訴登記表), the assessment and everything that
/// follows. Its stage only changes through the workflow (<see cref="Workflow.ComplaintWorkflow"/>),
/// which also writes the ledger; <see cref="Version"/> makes concurrent actions fail instead of merging.
/// </summary>
public sealed class Complaint
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 200;

    private readonly List<DepartmentTask> tasks = [];
    private readonly List<Evidence> evidence = [];

    private Complaint()
    {
    }

    public Complaint(string caseNumber, DateTimeOffset receivedAt, ComplaintChannel channel, Complainant complainant,
        ComplaintSubject subject, string description, string? customerRequest, bool confirmedWithCaller,
        string recordedByUserId, string recordedByName, DateTimeOffset recordedAt, string? idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        CaseNumber = caseNumber;
        ReceivedAt = receivedAt;
        Channel = channel;
        Complainant = complainant;
        PhoneKey = ContactForms.PhoneKey(complainant?.Phone);
        EmailKey = ContactForms.EmailKey(complainant?.Email);
        Subject = subject;
        Description = description;
        CustomerRequest = customerRequest;
        ConfirmedWithCaller = confirmedWithCaller;
        RecordedByUserId = recordedByUserId;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
        IdempotencyKey = idempotencyKey;
        Stage = CaseStage.Registered;
        Version = 1;
    }

    public int Id { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public Complainant Complainant { get; private set; } = new();

    /// <summary>The complainant's phone as a search key (<see cref="ContactForms.PhoneKey"/>): the same caller's other cases.</summary>
    public string? PhoneKey { get; internal set; }

    /// <summary>The complainant's e-mail as a search key (<see cref="ContactForms.EmailKey"/>): the same complainant's other cases.</summary>
    public string? EmailKey { get; internal set; }

    public ComplaintSubject Subject { get; private set; } = new();

    public string Description { get; private set; } = "";

    /// <summary>What the customer asks for (客戶訴求).</summary>
    public string? CustomerRequest { get; private set; }

    /// <summary>The clerk repeated the record back to the caller (四清楚一報告).</summary>
    public bool ConfirmedWithCaller { get; private set; }

    public string RecordedByUserId { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Set by a form or an API caller so a retried submission finds this case instead of creating another.</summary>
    public string? IdempotencyKey { get; private set; }

    public CaseStage Stage { get; internal set; }

    /// <summary>Concurrency token: every workflow action raises it by one.</summary>
    public int Version { get; internal set; }

    public int? CategoryId { get; internal set; }

    public Category? Category { get; private set; }

    public Severity? Severity { get; internal set; }

    public Urgency? Urgency { get; internal set; }

    public Priority Priority { get; internal set; }

    public DateTimeOffset? AcknowledgedAt { get; internal set; }

    public DateTimeOffset? PromisedCompletionAt { get; internal set; }

    public bool IsEscalated { get; internal set; }

    public DateTimeOffset? EscalatedAt { get; internal set; }

    public string? OnSiteInspectionOrder { get; internal set; }

    public string? OtherOrganisation { get; internal set; }

    /// <summary>The stage to return to when the customer answers (set while waiting).</summary>
    public CaseStage? PausedFromStage { get; internal set; }

    public DateTimeOffset? PausedAt { get; internal set; }

    public int? DuplicateOfId { get; internal set; }

    public ReplyChannel? ReplyChannel { get; internal set; }

    public string? ReplyText { get; internal set; }

    public DateTimeOffset? RepliedAt { get; internal set; }

    public bool? SatisfiedWithResult { get; internal set; }

    public bool? SatisfiedWithAttitude { get; internal set; }

    public string? CallbackRemarks { get; internal set; }

    /// <summary>
    /// Other problems or suggestions the customer raised at the callback (回访中客户提出的其他问题或建议), kept apart from the
    /// remarks on this case so the statistics can list them for whoever turns them into improvement actions.
    /// </summary>
    public string? CallbackSuggestion { get; internal set; }

    public int ReopenCount { get; internal set; }

    public string? ClosureReason { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>
    /// How many events the case's ledger holds, written in the same transaction as each append
    /// (<see cref="Ledger.LedgerChain"/>): a ledger shorter than this was truncated.
    /// </summary>
    public int LedgerEventCount { get; internal set; }

    /// <summary>The hash of the case's last ledger event, written with <see cref="LedgerEventCount"/>.</summary>
    public string? LedgerHeadHash { get; internal set; }

    /// <summary>
    /// Set while the case sits in the archive (<see cref="Archive.Archiver"/>): its content is then read only
    /// through an approved archive access request, never through the case pages.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; internal set; }

    /// <summary>
    /// The earliest unmet deadline of the case or its tasks, kept by <see cref="Deadlines.NextDeadlineKeeper"/> in
    /// the same save as every change of the case's deadlines, so the board sorts and counts by it from an index;
    /// null when none is running.
    /// </summary>
    public DateTimeOffset? NextDueAt { get; internal set; }

    /// <summary>The due-soon instant of <see cref="NextDueAt"/>'s deadline.</summary>
    public DateTimeOffset? NextDueSoonAt { get; internal set; }

    /// <summary>
    /// The case's place in the board's deadline order while it is open (null once it is at a final stage), and the
    /// deadline it counts down to (<see cref="NextDueAt"/> when counting down, else null). Kept by
    /// <see cref="Board.BoardKeysKeeper"/> with the stage and the next deadline, so a board's page and totals are
    /// ranges of one index.
    /// </summary>
    public Board.BoardGroup? BoardGroup { get; internal set; }

    /// <inheritdoc cref="BoardGroup"/>
    public DateTimeOffset? BoardDueAt { get; internal set; }

    /// <summary>When disposal removed the complainant's personal data and the case's free texts.</summary>
    public DateTimeOffset? PersonalDataRemovedAt { get; private set; }

    public IReadOnlyList<DepartmentTask> Tasks => tasks;

    public IReadOnlyList<Evidence> Evidence => evidence;

    internal void AddTask(DepartmentTask task) => tasks.Add(task);

    internal void AddEvidence(Evidence item) => evidence.Add(item);

    /// <summary>
    /// Disposal after retention: the complainant and what they said go; type, department and dates stay for
    /// statistics. The evidence rows are removed by the caller (their relationship restricts deletes).
    /// </summary>
    internal void RemovePersonalData(DateTimeOffset at)
    {
        Complainant = new Complainant();
        PhoneKey = null;
        EmailKey = null;
        Subject = Subject with { OrderNumber = null };
        Description = "";
        CustomerRequest = null;
        ReplyText = null;
        CallbackRemarks = null;
        CallbackSuggestion = null;
        PersonalDataRemovedAt = at;
    }

    /// <summary>True when the user's department has a task on this case.</summary>
    public bool HasTaskFor(int? departmentId) => departmentId is not null && tasks.Any(t => t.DepartmentId == departmentId);
}
