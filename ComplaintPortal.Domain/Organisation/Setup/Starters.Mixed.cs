using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Organisation.Setup;

public static partial class Starters
{
    /// <summary>
    /// The demonstration organisation that mixes all three regimes (<see cref="DepartmentCatalog"/>,
    /// <see cref="CategoryCatalog"/>): the default of tests and of Development. General complaints 1 / 3 / 7
    /// working days on the mainland calendar, urgent ones 4 hours / 1 / 3 days round the clock.
    /// </summary>
    public static OrganisationSetup Mixed => new()
    {
        StarterCode = MixedCode,
        Departments = [.. DepartmentCatalog.Seed().Select(d => new SetupDepartment(d.Code, null, d.NameZhHans, d.NameZhHant, d.NameEn, d.Kind))],
        Categories = [.. CategoryCatalog.Seed.Select(c => new SetupCategory(c.Code, c.ParentCode, c.NameZhHans, c.NameZhHant, c.NameEn, c.DepartmentCodes))],
        SolutionTypes = [.. Manufacturer.SolutionTypes, .. Telecom.SolutionTypes.Where(s => !Manufacturer.SolutionTypes.Any(m => m.Code == s.Code))],
        CauseCategories = StarterCauses.All,
        RepairCategories = Plaza.RepairCategories,
        Calendars = [CalendarSeeds.ChinaMainland2026, CalendarSeeds.RoundTheClock, CalendarSeeds.Taiwan2026],
        Policies =
        [
            Policy(Priority.General, CalendarSeeds.ChinaMainland2026.Code, SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(7)),
            Policy(Priority.Urgent, CalendarSeeds.RoundTheClock.Code, SlaTarget.Hours(4), SlaTarget.Days(1), SlaTarget.Days(3)),
        ],
        Templates = StarterTemplates.For("客服中心", "客服中心", "Customer Service"),
    };
}
