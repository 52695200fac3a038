using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// Reads the portal's configuration into an <see cref="OrganisationSetup"/> and writes it as JSON (and back),
/// so an organisation can move its set-up from a test server to production. People and cases are not part of it.
/// </summary>
public static class OrganisationSetupExport
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new SlaTargetJson() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<OrganisationSetup> ReadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var codeOf = departments.ToDictionary(d => d.Id, d => d.Code);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var categoryCode = categories.ToDictionary(c => c.Id, c => c.Code);
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var profile = await db.OrganisationProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == OrganisationProfile.SingletonId, ct);
        return new OrganisationSetup
        {
            StarterCode = profile?.StarterCode ?? "",
            Departments = [.. departments.Select(d => new SetupDepartment(d.Code, d.ParentId is { } p ? codeOf[p] : null,
                d.NameZhHans, d.NameZhHant, d.NameEn, d.Kind, d.IsActive, d.CalendarCode))],
            Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
                .Select(t => new SetupTeam(t.Code, codeOf[t.DepartmentId], t.NameZhHans, t.NameZhHant, t.NameEn))],
            Categories = [.. categories.Select(c => new SetupCategory(c.Code, c.ParentId is { } p ? categoryCode[p] : null,
                c.NameZhHans, c.NameZhHant, c.NameEn, [.. rules.Where(r => r.CategoryId == c.Id).Select(r => codeOf[r.DepartmentId])], c.IsActive))],
            SolutionTypes = await NamesAsync(db.SolutionTypes, ct),
            CauseCategories = await NamesAsync(db.CauseCategories, ct),
            RepairCategories = [.. (await db.RepairCategories.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ToListAsync(ct))
                .Select(r => new SetupRepairCategory(r.Code, r.NameZhHans, r.NameZhHant, r.NameEn, r.PaidByDefault))],
            Calendars = [.. (await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct)).Select(c => c.Definition)],
            Policies = [.. (await db.SlaPolicies.AsNoTracking().Where(p => p.RetiredAt == null).OrderBy(p => p.Id).ToListAsync(ct))
                .Select(p => new SetupPolicy(p.Priority, p.CategoryId is { } c ? categoryCode[c] : null, p.CalendarCode,
                    p.FirstResponse, p.SolutionPlan, p.Completion, p.DueSoonPercent))],
            Templates = [.. (await db.MessageTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
                .Select(t => new SetupTemplate(t.Kind, t.Language, t.Channel, t.Subject, t.Body))],
        };
    }

    /// <summary>A named list's active entries, in the list's order.</summary>
    private static async Task<IReadOnlyList<SetupName>> NamesAsync<T>(IQueryable<T> entries, CancellationToken ct)
        where T : CatalogueEntry =>
        [.. (await entries.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct))
            .Select(s => new SetupName(s.Code, s.NameZhHans, s.NameZhHant, s.NameEn))];

    public static string ToJson(OrganisationSetup setup) => JsonSerializer.Serialize(setup, Json);

    /// <summary>Reads a configuration file; null when the text is not a configuration at all (bad JSON).</summary>
    public static OrganisationSetup? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<OrganisationSetup>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // A value the domain refuses (e.g. a target of zero) inside an otherwise well-formed file.
            return null;
        }
    }
}
