namespace ComplaintPortal.Domain.Supervision;

/// <summary>Why a supervision action was refused. The Web shows <c>Error_{code}</c> from its resources.</summary>
public enum SupervisionError
{
    None = 0,
    NotPermitted = 1,
    NotFound = 2,
    WrongState = 3,
    InputRequired = 4,
    InvalidSampleSize = 5,
    NoCandidates = 6,
    ActiveSampleExists = 7,
    SampleAlreadyChecked = 8,
    PeriodNotStarted = 9,
    PeriodNotOver = 10,
    AlreadyPublished = 11,
    ConcurrencyConflict = 12,
    OutcomeMissing = 13,
    RemarkRequired = 14,
    ResponsibleDepartmentRequired = 15,
    InvalidWorkingDays = 16,
    ChecklistNotFound = 17,
    ItemsRequired = 18,
    TextTooLong = 19,
    EvidenceRefused = 20,

    /// <summary>Checks go to a member of the committee only (an active account in the Supervisor role).</summary>
    CheckerNotMember = 21,
}

/// <summary>The outcome of a supervision action: the error, or what it produced.</summary>
public sealed record SupervisionResult<T>(SupervisionError Error, T? Value)
{
    public bool Succeeded => Error == SupervisionError.None;

    public static SupervisionResult<T> Ok(T value) => new(SupervisionError.None, value);

    public static SupervisionResult<T> Fail(SupervisionError error) => new(error, default);
}
