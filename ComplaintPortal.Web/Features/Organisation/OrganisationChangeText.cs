using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>One line of the organisation's change log in words: who (a name), what it is about (a name) and what changed.</summary>
public sealed record OrganisationChangeLine(OrganisationChange Change, string By, string Subject, string What);

/// <summary>
/// The names a change log line refers to by code or id (departments, categories, accounts), read once per page of the log.
/// </summary>
public sealed class OrganisationLogNames(IReadOnlyList<Department> departments, IReadOnlyDictionary<string, string> categories,
    IReadOnlyDictionary<string, string> usersById, IReadOnlyDictionary<string, string> usersByName)
{
    public static async Task<OrganisationLogNames> LoadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var culture = CultureInfo.CurrentUICulture;
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var categories = (await db.Categories.AsNoTracking().ToListAsync(ct)).GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().DisplayName(culture), StringComparer.Ordinal);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        return new(departments, categories,
            users.ToDictionary(u => u.Id, u => u.DisplayName, StringComparer.Ordinal),
            users.Where(u => u.UserName != null).GroupBy(u => u.UserName!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase));
    }

    public string DepartmentById(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && departments.FirstOrDefault(d => d.Id == n) is { } d
            ? d.DisplayName(CultureInfo.CurrentUICulture)
            : id;

    public string DepartmentByCode(string code) =>
        departments.FirstOrDefault(d => d.Code == code)?.DisplayName(CultureInfo.CurrentUICulture) ?? code;

    public string Category(string code) => categories.GetValueOrDefault(code) ?? code;

    public string User(string id) => usersById.GetValueOrDefault(id) ?? id;

    public string Account(string userName) => usersByName.GetValueOrDefault(userName) ?? userName;
}

/// <summary>
/// Reads the change log's stored lines (a compact, language-free form: <c>changed: name=…; kind=Operational; head=&lt;id&gt;</c>)
/// into the viewer's language with names instead of ids and codes. A line in a form it does not know is shown as stored.
/// </summary>
public static partial class OrganisationChangeText
{
    public static OrganisationChangeLine Line(OrganisationChange change, OrganisationLogNames names)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(names);
        return new(change, By(change.ChangedBy, names), Subject(change, names), What(change, names));
    }

    public static string By(string changedBy, OrganisationLogNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return changedBy == PortalDatabaseInitializer.SeededBy ? OrganisationText.Log_BySystem : names.Account(changedBy);
    }

    /// <summary>
    /// The display names of the accounts one page of a change log names, by account id or by sign-in name as the log keeps
    /// them (the time-limit log keeps the id, the calendars the sign-in name); one query for the page.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> PeopleAsync(PortalDbContext db, IEnumerable<string> accounts,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = accounts.Where(a => a.Length > 0 && a != PortalDatabaseInitializer.SeededBy).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var upper = wanted.Select(a => a.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) || upper.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users.Where(u => u.DisplayName.Length > 0))
        {
            names[user.Id] = user.DisplayName;
            if (user.UserName is { } userName)
            {
                names[userName] = user.DisplayName;
            }
        }

        return names;
    }

    /// <summary>A change's author as stored (<paramref name="name"/>), or the portal's own set-up in words.</summary>
    public static string By(string changedBy, string name) =>
        changedBy == PortalDatabaseInitializer.SeededBy ? OrganisationText.Log_BySystem : name;

    public static string Subject(OrganisationChange change, OrganisationLogNames names)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(names);
        var code = change.SubjectCode;
        return change.Subject switch
        {
            OrganisationSubject.Department => names.DepartmentByCode(code),
            OrganisationSubject.RoutingRule => names.Category(code),
            OrganisationSubject.Starter or OrganisationSubject.Configuration => OrganisationLabels.Starter(code),
            OrganisationSubject.MessageTemplate => TemplateKey(code),
            _ => code,
        };
    }

    public static string What(OrganisationChange change, OrganisationLogNames names)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(names);
        var what = change.What;
        return change.Subject switch
        {
            OrganisationSubject.Configuration when Applied().Match(what) is { Success: true } m => Format(OrganisationText.Log_Applied,
                m.Groups["departments"].Value, m.Groups["teams"].Value, m.Groups["categories"].Value, m.Groups["policies"].Value, m.Groups["templates"].Value),
            OrganisationSubject.Department => DepartmentChange(what, names) ?? what,
            OrganisationSubject.Team when TeamAdded().Match(what) is { Success: true } m =>
                Format(OrganisationText.Log_TeamAdded, m.Groups["name"].Value, names.DepartmentByCode(m.Groups["department"].Value)),
            OrganisationSubject.Membership when Membership().Match(what) is { Success: true } m => MembershipChange(m, names),
            OrganisationSubject.RoutingRule when what.StartsWith(RoutesTo, StringComparison.Ordinal) => RoutingChange(what[RoutesTo.Length..], names),
            OrganisationSubject.SolutionType or OrganisationSubject.CauseCategory => CatalogueChange(what),
            _ => what,
        };
    }

    /// <summary>A list entry's change (<see cref="Domain.Cases.CatalogueBook"/>): added, renamed, retired, offered again or moved, part by part.</summary>
    private static string CatalogueChange(string what)
    {
        const string Added = "added; names=";
        const string Names = "names=";
        if (what.StartsWith(Added, StringComparison.Ordinal))
        {
            return Format(OrganisationText.Log_CatalogueAdded, what[Added.Length..]);
        }

        var parts = what.Split("; ").Select(part => part switch
        {
            "retired" => OrganisationText.Log_CatalogueRetired,
            "offered again" => OrganisationText.Log_CatalogueOffered,
            _ when part.StartsWith(Names, StringComparison.Ordinal) => Format(OrganisationText.Log_CatalogueRenamed, part[Names.Length..]),
            _ when part.StartsWith("moved up past ", StringComparison.Ordinal) => Format(OrganisationText.Log_CatalogueMovedUp, part["moved up past ".Length..]),
            _ when part.StartsWith("moved down past ", StringComparison.Ordinal) => Format(OrganisationText.Log_CatalogueMovedDown, part["moved down past ".Length..]),
            _ => part,
        });
        return string.Join(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "；" : "; ", parts);
    }

    private const string RoutesTo = "routes to ";

    private static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);

    private static string List(IEnumerable<string> items) => string.Join(CaseText.Common_ListSeparator, items);

    /// <summary>A template's key "Kind/language/channel" in words.</summary>
    private static string TemplateKey(string code)
    {
        var parts = code.Split('/');
        if (parts.Length != 3 || !Enum.TryParse<MessageKind>(parts[0], out var kind) || !Enum.IsDefined(kind))
        {
            return code;
        }

        ComplaintPortal.Domain.Cases.ReplyChannel? channel = Enum.TryParse<ComplaintPortal.Domain.Cases.ReplyChannel>(parts[2], out var c) ? c : null;
        return string.Join(" · ", TemplateLabels.Kind(kind), TemplateLabels.Language(parts[1]), TemplateLabels.Channel(channel));
    }

    private static string? DepartmentChange(string what, OrganisationLogNames names)
    {
        var (text, dropped) = SplitDropped(what);
        string? main = text switch
        {
            "deleted" => OrganisationText.Log_DepartmentDeleted,
            "retired" => OrganisationText.Log_DepartmentRetired,
            "reactivated" => OrganisationText.Log_DepartmentReactivated,
            _ when text.StartsWith("added: ", StringComparison.Ordinal) => Describe(text["added: ".Length..], names) is { } d ? Format(OrganisationText.Log_DepartmentAdded, d) : null,
            _ when text.StartsWith("changed: ", StringComparison.Ordinal) => Describe(text["changed: ".Length..], names) is { } d ? Format(OrganisationText.Log_DepartmentChanged, d) : null,
            _ => null,
        };
        return main is null ? null : dropped is { } n ? main + CaseText.Common_ListSeparator + Format(OrganisationText.Log_RulesRemoved, n) : main;
    }

    private static (string Text, string? Dropped) SplitDropped(string what)
    {
        const string marker = "; routing rules removed=";
        var at = what.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? (what, null) : (what[..at], what[(at + marker.Length)..]);
    }

    /// <summary>"name=简|繁|En; kind=Operational; parent=3; head=&lt;id&gt;; calendar=CN; active=True" in words.</summary>
    private static string? Describe(string description, OrganisationLogNames names)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in description.Split("; "))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            fields[part[..eq]] = part[(eq + 1)..];
        }

        if (!fields.TryGetValue("name", out var name))
        {
            return null;
        }

        var parts = new List<string>
        {
            LabelValue.Format(OrganisationText.Department_Name, string.Join(" / ", name.Split('|').Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))),
        };
        if (fields.TryGetValue("kind", out var kind) && Enum.TryParse<DepartmentKind>(kind, out var k) && Enum.IsDefined(k))
        {
            parts.Add(LabelValue.Format(OrganisationText.Department_Kind, OrganisationLabels.Kind(k)));
        }

        if (fields.TryGetValue("parent", out var parent) && parent != "-")
        {
            parts.Add(LabelValue.Format(OrganisationText.Department_Parent, names.DepartmentById(parent)));
        }

        if (fields.TryGetValue("head", out var head) && head != "-")
        {
            parts.Add(LabelValue.Format(OrganisationText.Department_Head, names.User(head)));
        }

        if (fields.TryGetValue("calendar", out var calendar) && calendar != "-")
        {
            parts.Add(LabelValue.Format(OrganisationText.Department_Calendar, calendar));
        }

        if (fields.TryGetValue("active", out var active) && bool.TryParse(active, out var isActive))
        {
            parts.Add(LabelValue.Format(OrganisationText.Department_Status, isActive ? OrganisationText.Department_Active : OrganisationText.Department_Retired));
        }

        return string.Join(OrganisationText.Log_FieldSeparator, parts);
    }

    private static string MembershipChange(Match m, OrganisationLogNames names)
    {
        static IEnumerable<string> Ids(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var joined = Ids(m.Groups["joined"].Value).Select(names.User).ToList();
        var left = Ids(m.Groups["left"].Value).Select(names.User).ToList();
        var parts = new List<string>();
        if (joined.Count > 0)
        {
            parts.Add(Format(OrganisationText.Log_MembersJoined, List(joined)));
        }

        if (left.Count > 0)
        {
            parts.Add(Format(OrganisationText.Log_MembersLeft, List(left)));
        }

        return parts.Count == 0 ? OrganisationText.Log_MembersUnchanged : string.Join(OrganisationText.Log_FieldSeparator, parts);
    }

    private static string RoutingChange(string codes, OrganisationLogNames names)
    {
        var departments = codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(names.DepartmentByCode).ToList();
        return departments.Count == 0 ? OrganisationText.Log_RoutesNowhere : Format(OrganisationText.Log_RoutesTo, List(departments));
    }

    [GeneratedRegex(@"^applied: departments=(?<departments>\d+); teams=(?<teams>\d+); categories=(?<categories>\d+); policies=(?<policies>\d+); templates=(?<templates>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Applied();

    [GeneratedRegex(@"^added to (?<department>[^:]+): (?<name>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TeamAdded();

    [GeneratedRegex(@"^joined=(?<joined>[^;]*); left=(?<left>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Membership();
}
