using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// An organisation's whole configuration as plain data: departments and teams, the category tree with
/// its routing, solution types, cause categories, repair categories, calendars, time-limit policies and message templates.
/// A starter regime is one of these; so is an exported configuration (JSON), which another portal imports.
/// Everything refers to everything else by code, never by database id.
/// </summary>
public sealed record OrganisationSetup
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The starter it came from (<see cref="Starters"/>), or the one the exporting portal was set up with.</summary>
    public string StarterCode { get; init; } = "";

    public IReadOnlyList<SetupDepartment> Departments { get; init; } = [];

    public IReadOnlyList<SetupTeam> Teams { get; init; } = [];

    public IReadOnlyList<SetupCategory> Categories { get; init; } = [];

    public IReadOnlyList<SetupName> SolutionTypes { get; init; } = [];

    /// <summary>The categories a department files a root cause under (原因类别); a configuration without them asks for none.</summary>
    public IReadOnlyList<SetupName> CauseCategories { get; init; } = [];

    public IReadOnlyList<SetupRepairCategory> RepairCategories { get; init; } = [];

    public IReadOnlyList<WorkingCalendarDefinition> Calendars { get; init; } = [];

    public IReadOnlyList<SetupPolicy> Policies { get; init; } = [];

    public IReadOnlyList<SetupTemplate> Templates { get; init; } = [];
}

public sealed record SetupDepartment(
    string Code, string? ParentCode, string NameZhHans, string NameZhHant, string NameEn, DepartmentKind Kind,
    bool IsActive = true, string? CalendarCode = null);

public sealed record SetupTeam(string Code, string DepartmentCode, string NameZhHans, string NameZhHant, string NameEn);

/// <summary>A category and the departments its routing rules propose (empty: inherited, or chosen by hand).</summary>
public sealed record SetupCategory(
    string Code, string? ParentCode, string NameZhHans, string NameZhHant, string NameEn, IReadOnlyList<string> RoutesTo,
    bool IsActive = true);

public sealed record SetupName(string Code, string NameZhHans, string NameZhHant, string NameEn);

public sealed record SetupRepairCategory(string Code, string NameZhHans, string NameZhHant, string NameEn, bool PaidByDefault);

/// <summary>A time-limit policy for a priority (and optionally one category, by code).</summary>
public sealed record SetupPolicy(
    Priority Priority, string? CategoryCode, string CalendarCode, SlaTarget FirstResponse, SlaTarget SolutionPlan, SlaTarget Completion,
    int DueSoonPercent = 20);

public sealed record SetupTemplate(MessageKind Kind, string Language, ReplyChannel? Channel, string Subject, string Body);
