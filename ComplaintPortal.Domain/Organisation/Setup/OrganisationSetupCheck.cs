using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>Checks a whole configuration before any of it is applied: every reference resolves and every rule holds.</summary>
public static class OrganisationSetupCheck
{
    public static IReadOnlyList<string> Languages { get; } = ["zh-Hans", "zh-Hant", "en"];

    public static IReadOnlyList<SetupProblem> Problems(OrganisationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var problems = new List<SetupProblem>();
        void Add(SetupProblemCode code, string where) => problems.Add(new(code, where));

        if (setup.Format != OrganisationSetup.CurrentFormat)
        {
            Add(SetupProblemCode.UnsupportedFormat, setup.Format.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return problems;
        }

        var departments = Unique(setup.Departments, d => d.Code, Department.CodeMaxLength, problems);
        var calendars = Unique(setup.Calendars, c => c.Code, WorkingCalendarRecord.CodeMaxLength, problems);
        var categories = Unique(setup.Categories, c => c.Code, Category.CodeMaxLength, problems);
        Unique(setup.Teams, t => t.Code, Team.CodeMaxLength, problems);
        Unique(setup.SolutionTypes, s => s.Code, CatalogueEntry.CodeMaxLength, problems);
        Unique(setup.CauseCategories, c => c.Code, CatalogueEntry.CodeMaxLength, problems);
        Unique(setup.RepairCategories, r => r.Code, CatalogueEntry.CodeMaxLength, problems);

        foreach (var d in setup.Departments)
        {
            CheckName(d.Code, d.NameZhHans, problems);
            if (d.ParentCode is not null && !departments.ContainsKey(d.ParentCode))
            {
                Add(SetupProblemCode.UnknownParent, d.Code);
            }

            if (d.CalendarCode is not null && !calendars.ContainsKey(d.CalendarCode))
            {
                Add(SetupProblemCode.UnknownCalendar, d.Code);
            }

            if (HasCycle(d.Code, c => departments.GetValueOrDefault(c)?.ParentCode))
            {
                Add(SetupProblemCode.ParentCycle, d.Code);
            }
        }

        if (setup.Departments.Count > 0 && !setup.Departments.Any(d => d.IsActive && d.Kind == DepartmentKind.CustomerService))
        {
            Add(SetupProblemCode.NoCustomerService, "");
        }

        foreach (var t in setup.Teams)
        {
            CheckName(t.Code, t.NameZhHans, problems);
            if (!departments.ContainsKey(t.DepartmentCode))
            {
                Add(SetupProblemCode.UnknownDepartment, t.Code);
            }
        }

        foreach (var c in setup.Categories)
        {
            CheckName(c.Code, c.NameZhHans, problems);
            if (c.ParentCode is not null && !categories.ContainsKey(c.ParentCode))
            {
                Add(SetupProblemCode.UnknownParent, c.Code);
            }

            if (HasCycle(c.Code, x => categories.GetValueOrDefault(x)?.ParentCode))
            {
                Add(SetupProblemCode.ParentCycle, c.Code);
            }

            foreach (var target in c.RoutesTo)
            {
                if (!departments.TryGetValue(target, out var department))
                {
                    Add(SetupProblemCode.UnknownDepartment, c.Code + "→" + target);
                }
                else if (!(department.IsActive && department.Kind == DepartmentKind.Operational))
                {
                    Add(SetupProblemCode.DepartmentReceivesNoWork, c.Code + "→" + target);
                }
            }
        }

        foreach (var s in setup.SolutionTypes.Concat(setup.CauseCategories))
        {
            CheckName(s.Code, s.NameZhHans, problems);
        }

        foreach (var r in setup.RepairCategories)
        {
            CheckName(r.Code, r.NameZhHans, problems);
        }

        foreach (var calendar in setup.Calendars)
        {
            if (calendar.Validate().Count > 0)
            {
                Add(SetupProblemCode.InvalidCalendar, calendar.Code);
            }
        }

        CheckPolicies(setup, calendars.Keys, categories.Keys, problems);
        CheckTemplates(setup, problems);
        return problems;
    }

    private static void CheckPolicies(OrganisationSetup setup, IEnumerable<string> calendars, IEnumerable<string> categories, List<SetupProblem> problems)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in setup.Policies)
        {
            var where = p.Priority + "/" + (p.CategoryCode ?? "*");
            if (!calendars.Contains(p.CalendarCode, StringComparer.Ordinal))
            {
                problems.Add(new(SetupProblemCode.UnknownCalendar, where));
            }

            if (p.CategoryCode is not null && !categories.Contains(p.CategoryCode, StringComparer.Ordinal))
            {
                problems.Add(new(SetupProblemCode.UnknownCategory, where));
            }

            if (!keys.Add(where) || !Enum.IsDefined(p.Priority) || p.DueSoonPercent is < SlaPolicy.MinDueSoonPercent or > SlaPolicy.MaxDueSoonPercent
                || new[] { p.FirstResponse, p.SolutionPlan, p.Completion }.Any(t => t.Amount <= 0))
            {
                problems.Add(new(SetupProblemCode.InvalidPolicy, where));
            }
        }

        if (setup.Departments.Count > 0)
        {
            foreach (var priority in Enum.GetValues<Priority>().Where(pr => !setup.Policies.Any(p => p.Priority == pr && p.CategoryCode is null)))
            {
                problems.Add(new(SetupProblemCode.MissingDefaultPolicy, priority.ToString()));
            }
        }
    }

    private static void CheckTemplates(OrganisationSetup setup, List<SetupProblem> problems)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in setup.Templates)
        {
            var where = $"{t.Kind}/{t.Language}/{t.Channel?.ToString() ?? "*"}";
            if (!Languages.Contains(t.Language, StringComparer.Ordinal))
            {
                problems.Add(new(SetupProblemCode.UnknownLanguage, where));
            }

            if (string.IsNullOrWhiteSpace(t.Body) || t.Body.Length > MessageTemplate.BodyMaxLength || (t.Subject?.Length ?? 0) > MessageTemplate.SubjectMaxLength)
            {
                problems.Add(new(SetupProblemCode.MissingName, where));
            }

            if (MessagePlaceholders.Unknown(t.Body + " " + t.Subject).Count > 0)
            {
                problems.Add(new(SetupProblemCode.UnknownPlaceholder, where));
            }

            if (!keys.Add(where))
            {
                problems.Add(new(SetupProblemCode.DuplicateTemplate, where));
            }
        }
    }

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> code, int maxLength, List<SetupProblem> problems)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var c = code(item) ?? "";
            if (c.Length == 0 || c.Length > maxLength)
            {
                problems.Add(new(SetupProblemCode.CodeTooLong, c));
            }
            else if (!seen.TryAdd(c, item))
            {
                problems.Add(new(SetupProblemCode.DuplicateCode, c));
            }
        }

        return seen;
    }

    private static void CheckName(string code, string name, List<SetupProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Department.NameMaxLength)
        {
            problems.Add(new(SetupProblemCode.MissingName, code));
        }
    }

    private static bool HasCycle(string start, Func<string, string?> parentOf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        for (var parent = parentOf(start); parent is not null; parent = parentOf(parent))
        {
            if (!seen.Add(parent))
            {
                return true;
            }
        }

        return false;
    }
}
