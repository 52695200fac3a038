namespace ComplaintPortal.Domain.Organisation;

/// <summary>What an administrator enters for a department; <paramref name="Version"/> is the one their edit started from (none when adding).</summary>
public sealed record DepartmentInput(
    string Code, string NameZhHans, string NameZhHant, string NameEn, DepartmentKind Kind,
    int? ParentId = null, string? HeadUserId = null, string? CalendarCode = null, int? Version = null);

/// <summary>Why a change to the organisation was refused.</summary>
public enum OrganisationError
{
    None = 0,
    NotFound = 1,
    CodeTaken = 2,
    InvalidInput = 3,
    UnknownParent = 4,
    ParentCycle = 5,
    UnknownCalendar = 6,
    UnknownHead = 7,

    /// <summary>The department has cases, people, teams or sub-departments: it can only be retired.</summary>
    HasWork = 8,
    UnknownDepartment = 9,

    /// <summary>A routing rule names a retired department, or one that never receives work (leadership, oversight).</summary>
    DepartmentReceivesNoWork = 10,
    UnknownCategory = 11,

    /// <summary>Another administrator saved a change to it since this edit started: nothing was overwritten.</summary>
    ConcurrencyConflict = 12,
}
