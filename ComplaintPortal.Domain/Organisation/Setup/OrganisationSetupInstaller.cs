using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// Applies a configuration (a starter or an import) to the portal, all or nothing: it is checked first
/// (<see cref="OrganisationSetupCheck"/>), then written in one transaction. Things are matched by code:
/// what exists is updated, what is missing is added, what the configuration does not mention is left alone.
/// </summary>
public static class OrganisationSetupInstaller
{
    public static async Task<IReadOnlyList<SetupProblem>> ApplyAsync(
        PortalDbContext db, OrganisationSetup setup, string appliedBy, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(setup);
        var problems = OrganisationSetupCheck.Problems(setup);
        if (problems.Count > 0)
        {
            return problems;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await CalendarsAsync(db, setup, appliedBy, now, ct);
            var departments = await DepartmentsAsync(db, setup, ct);
            await TeamsAsync(db, setup, departments, ct);
            var categories = await CategoriesAsync(db, setup, departments, ct);
            await NamedListsAsync(db, setup, ct);
            await PoliciesAsync(db, setup, categories, appliedBy, now, ct);
            await TemplatesAsync(db, setup, appliedBy, now, ct);
            if (!await db.OrganisationProfiles.AnyAsync(ct) && setup.StarterCode.Length > 0)
            {
                db.OrganisationProfiles.Add(new OrganisationProfile(setup.StarterCode, appliedBy, now));
            }

            db.OrganisationChanges.Add(new OrganisationChange(now, appliedBy, OrganisationSubject.Configuration, setup.StarterCode,
                string.Create(CultureInfo.InvariantCulture,
                    $"applied: departments={setup.Departments.Count}; teams={setup.Teams.Count}; categories={setup.Categories.Count}; policies={setup.Policies.Count}; templates={setup.Templates.Count}")));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return [];
    }

    private static async Task CalendarsAsync(PortalDbContext db, OrganisationSetup setup, string by, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.WorkingCalendars.ToDictionaryAsync(c => c.Code, ct);
        foreach (var definition in setup.Calendars)
        {
            if (existing.TryGetValue(definition.Code, out var record))
            {
                record.Replace(definition, by, now);
            }
            else
            {
                db.WorkingCalendars.Add(new WorkingCalendarRecord(definition, by, now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<Dictionary<string, Department>> DepartmentsAsync(PortalDbContext db, OrganisationSetup setup, CancellationToken ct)
    {
        var existing = await db.Departments.ToDictionaryAsync(d => d.Code, ct);
        foreach (var d in setup.Departments)
        {
            if (!existing.TryGetValue(d.Code, out var department))
            {
                department = new Department(d.Code, d.NameZhHans, d.NameZhHant, d.NameEn, d.Kind);
                db.Departments.Add(department);
                existing[d.Code] = department;
            }

            department.Rename(d.NameZhHans, d.NameZhHant, d.NameEn);
            department.Touch();
            department.ChangeKind(d.Kind);
            department.UseCalendar(d.CalendarCode);
            if (d.IsActive)
            {
                department.Activate();
            }
            else
            {
                department.Deactivate();
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var d in setup.Departments)
        {
            existing[d.Code].PlaceUnder(d.ParentCode is null ? null : existing[d.ParentCode].Id);
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task TeamsAsync(PortalDbContext db, OrganisationSetup setup, Dictionary<string, Department> departments, CancellationToken ct)
    {
        var existing = await db.Teams.ToDictionaryAsync(t => t.Code, ct);
        foreach (var t in setup.Teams)
        {
            if (existing.TryGetValue(t.Code, out var team))
            {
                team.Rename(t.NameZhHans, t.NameZhHant, t.NameEn);
            }
            else
            {
                db.Teams.Add(new Team(departments[t.DepartmentCode].Id, t.Code, t.NameZhHans, t.NameZhHant, t.NameEn));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<Dictionary<string, Category>> CategoriesAsync(
        PortalDbContext db, OrganisationSetup setup, Dictionary<string, Department> departments, CancellationToken ct)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Code, ct);
        var order = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0);
        foreach (var c in setup.Categories)
        {
            if (!existing.TryGetValue(c.Code, out var category))
            {
                order += 10;
                category = new Category(c.Code, c.NameZhHans, c.NameZhHant, c.NameEn, null, order);
                db.Categories.Add(category);
                existing[c.Code] = category;
            }

            category.Rename(c.NameZhHans, c.NameZhHant, c.NameEn);
            category.SetActive(c.IsActive);
            category.Touch();
        }

        await db.SaveChangesAsync(ct);
        foreach (var c in setup.Categories)
        {
            var category = existing[c.Code];
            category.MoveUnder(c.ParentCode is null ? null : existing[c.ParentCode].Id);
            var rules = await db.RoutingRules.Where(r => r.CategoryId == category.Id).ToListAsync(ct);
            db.RoutingRules.RemoveRange(rules);
            db.RoutingRules.AddRange(c.RoutesTo.Distinct(StringComparer.Ordinal).Select(code => new RoutingRule(category.Id, departments[code].Id)));
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task NamedListsAsync(PortalDbContext db, OrganisationSetup setup, CancellationToken ct)
    {
        await NamesAsync(db.SolutionTypes, setup.SolutionTypes, (s, order) => new SolutionType(s.Code, s.NameZhHans, s.NameZhHant, s.NameEn, order), ct);
        await NamesAsync(db.CauseCategories, setup.CauseCategories, (c, order) => new CauseCategory(c.Code, c.NameZhHans, c.NameZhHant, c.NameEn, order), ct);
        var repairs = await db.RepairCategories.ToDictionaryAsync(r => r.Code, ct);
        var order = 0;
        foreach (var r in setup.RepairCategories)
        {
            order += 10;
            if (repairs.TryGetValue(r.Code, out var repair))
            {
                repair.Rename(r.NameZhHans, r.NameZhHant, r.NameEn);
                repair.PaidByDefault = r.PaidByDefault;
                repair.SetActive(true);
            }
            else
            {
                db.RepairCategories.Add(new RepairCategory(r.Code, r.NameZhHans, r.NameZhHant, r.NameEn, r.PaidByDefault, order));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A named list's entries by code: a known one renamed and offered again, a new one added in the list's order.</summary>
    private static async Task NamesAsync<T>(DbSet<T> entries, IReadOnlyList<SetupName> names, Func<SetupName, int, T> create, CancellationToken ct)
        where T : CatalogueEntry
    {
        var known = await entries.ToDictionaryAsync(s => s.Code, ct);
        var order = 0;
        foreach (var name in names)
        {
            order += 10;
            if (known.TryGetValue(name.Code, out var entry))
            {
                entry.Rename(name.NameZhHans, name.NameZhHant, name.NameEn);
                entry.SetActive(true);
                entry.Touch();
            }
            else
            {
                entries.Add(create(name, order));
            }
        }
    }

    private static async Task PoliciesAsync(
        PortalDbContext db, OrganisationSetup setup, Dictionary<string, Category> categories, string by, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.SlaPolicies.ToListAsync(ct);
        var changed = new List<(SlaPolicy Policy, string? Before)>();
        foreach (var p in setup.Policies)
        {
            int? categoryId = p.CategoryCode is null ? null : categories[p.CategoryCode].Id;
            var policy = existing.FirstOrDefault(x => x.Priority == p.Priority && x.CategoryId == categoryId);
            var before = policy is { IsRetired: false } ? policy.Summary() : null;
            if (policy is null)
            {
                policy = new SlaPolicy(p.Priority, categoryId, p.CalendarCode, p.FirstResponse, p.SolutionPlan, p.Completion, p.DueSoonPercent);
                db.SlaPolicies.Add(policy);
            }
            else
            {
                policy.Apply(p.CalendarCode, p.FirstResponse, p.SolutionPlan, p.Completion, p.DueSoonPercent);
            }

            changed.Add((policy, before));
        }

        await db.SaveChangesAsync(ct);
        db.SlaPolicyChanges.AddRange(changed.Where(c => c.Before != c.Policy.Summary())
            .Select(c => new SlaPolicyChange(c.Policy.Id, by, by, now, c.Before, c.Policy.Summary())));
        await db.SaveChangesAsync(ct);
    }

    private static async Task TemplatesAsync(PortalDbContext db, OrganisationSetup setup, string by, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.MessageTemplates.ToListAsync(ct);
        foreach (var t in setup.Templates)
        {
            var template = existing.FirstOrDefault(x => x.Kind == t.Kind && x.Language == t.Language && x.Channel == t.Channel);
            if (template is null)
            {
                db.MessageTemplates.Add(new MessageTemplate(t.Kind, t.Language, t.Channel, t.Subject ?? "", t.Body, by, now));
            }
            else
            {
                template.Change(t.Subject ?? "", t.Body, by, now);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
