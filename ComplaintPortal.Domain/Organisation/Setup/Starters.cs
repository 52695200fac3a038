using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// The starter regimes an administrator picks from at first start: one per source regime (manufacturer 000,
/// shopping plaza 001, telecom complaint room 002), an empty one, and the mixed demonstration organisation
/// (the union of the three, which tests and existing installations use). Department codes are shared where
/// the job is the same (<see cref="DepartmentCatalog"/>): the intake office is always <c>CS</c>.
/// </summary>
public static partial class Starters
{
    public const string ManufacturerCode = "manufacturer";
    public const string PlazaCode = "plaza";
    public const string TelecomCode = "telecom";
    public const string EmptyCode = "empty";
    public const string MixedCode = "mixed";

    /// <summary>What an administrator chooses from on the set-up page, in this order.</summary>
    public static IReadOnlyList<string> Choices { get; } = [ManufacturerCode, PlazaCode, TelecomCode, EmptyCode];

    public static IReadOnlyList<string> AllCodes { get; } = [ManufacturerCode, PlazaCode, TelecomCode, EmptyCode, MixedCode];

    /// <summary>The starter with this code (case-insensitive), or null.</summary>
    public static OrganisationSetup? Find(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        ManufacturerCode => Manufacturer,
        PlazaCode => Plaza,
        TelecomCode => Telecom,
        EmptyCode => Empty,
        MixedCode => Mixed,
        _ => null,
    };

    /// <summary>Nothing but the calendars: the administrator builds the organisation by hand.</summary>
    public static OrganisationSetup Empty => new()
    {
        StarterCode = EmptyCode,
        Calendars = [CalendarSeeds.ChinaMainland2026, CalendarSeeds.RoundTheClock],
    };

    // Shared departments every regime has in some form: leadership, the supervision committee, the archive.
    private static SetupDepartment Leadership(string zhHans = "公司领导", string zhHant = "公司領導", string en = "Leadership") =>
        new(DepartmentCatalog.Leadership, null, zhHans, zhHant, en, DepartmentKind.Leadership);

    private static SetupDepartment Supervision(string zhHans, string zhHant, string en) =>
        new(DepartmentCatalog.Supervision, null, zhHans, zhHant, en, DepartmentKind.Oversight);

    private static SetupDepartment Archive() =>
        new(DepartmentCatalog.Archive, null, "档案室", "檔案室", "Archive Office", DepartmentKind.Oversight);

    private static SetupDepartment Works(string code, string? parent, string zhHans, string zhHant, string en) =>
        new(code, parent, zhHans, zhHant, en, DepartmentKind.Operational);

    private static SetupCategory Node(string code, string? parent, string zhHans, string zhHant, string en, params string[] routesTo) =>
        new(code, parent, zhHans, zhHant, en, routesTo);

    private static SetupPolicy Policy(Priority priority, string calendar, SlaTarget first, SlaTarget plan, SlaTarget completion) =>
        new(priority, null, calendar, first, plan, completion);
}
