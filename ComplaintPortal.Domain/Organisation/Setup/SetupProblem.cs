namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>Why a configuration cannot be applied: what is wrong (<see cref="Code"/>) and where (<see cref="Where"/>, a code).</summary>
public sealed record SetupProblem(SetupProblemCode Code, string Where);

public enum SetupProblemCode
{
    UnsupportedFormat = 0,
    DuplicateCode = 1,
    MissingName = 2,
    UnknownParent = 3,
    ParentCycle = 4,
    UnknownDepartment = 5,
    DepartmentReceivesNoWork = 6,
    UnknownCalendar = 7,
    InvalidCalendar = 8,
    UnknownCategory = 9,
    MissingDefaultPolicy = 10,
    InvalidPolicy = 11,
    UnknownLanguage = 12,
    UnknownPlaceholder = 13,
    DuplicateTemplate = 14,
    CodeTooLong = 15,
    NoCustomerService = 16,
}
