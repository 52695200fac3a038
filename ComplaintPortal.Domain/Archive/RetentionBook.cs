using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>The retention rules per complaint type; administrators edit them, every change is logged and re-dates the files of that type.</summary>
public sealed class RetentionBook(PortalDbContext db, TimeProvider time)
{
    public Task<RetentionYears> LoadAsync(CancellationToken ct = default) => RetentionYears.LoadAsync(db, ct);

    public Task<List<RetentionRule>> RulesAsync(CancellationToken ct = default) => db.RetentionRules.AsNoTracking().ToListAsync(ct);

    public Task<List<RetentionRuleChange>> ChangesAsync(int take, CancellationToken ct = default) =>
        db.RetentionRuleChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);

    /// <summary>Sets (or creates) the rule of a type (null: the default) and re-dates the kept files it governs.</summary>
    /// <param name="expected">
    /// The years the administrator's page showed for the type (its own rule, or the one it follows): when another administrator
    /// has changed them since, <see cref="ArchiveError.ConcurrencyConflict"/> and nothing is overwritten. Null: not checked.
    /// </param>
    public async Task<ArchiveError> SetAsync(ActingUser admin, int? categoryId, int generalYears, int importantYears, (int General, int Important)? expected = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsInRole(PortalRoles.Administrator))
        {
            return ArchiveError.NotPermitted;
        }

        if (generalYears is < 1 or > RetentionRule.MaxYears || importantYears < generalYears || importantYears > RetentionRule.MaxYears)
        {
            return ArchiveError.RetentionYearsInvalid;
        }

        if (expected is { } shown && (await LoadAsync(ct)).RuleFor(categoryId) is var now && (now.GeneralYears, now.ImportantYears) != shown)
        {
            return ArchiveError.ConcurrencyConflict;
        }

        var rule = await db.RetentionRules.FirstOrDefaultAsync(r => r.CategoryId == categoryId, ct);
        db.RetentionRuleChanges.Add(new RetentionRuleChange(time.GetUtcNow(), admin.UserId, admin.Name, categoryId,
            rule?.GeneralYears, rule?.ImportantYears, generalYears, importantYears));
        if (rule is null)
        {
            db.RetentionRules.Add(new RetentionRule(categoryId, generalYears, importantYears));
        }
        else
        {
            rule.Set(generalYears, importantYears);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // Another administrator's save of the same rule landed between this one's read and its save (its version moved
            // on, or it created the type's rule first): neither the rule nor its change line is written.
            db.ChangeTracker.Clear();
            return ArchiveError.ConcurrencyConflict;
        }

        await RedateAsync(ct);
        return ArchiveError.None;
    }

    /// <summary>Recomputes every kept file's retention end from the rules, its importance and its closing date.</summary>
    public async Task RedateAsync(CancellationToken ct = default)
    {
        var years = await LoadAsync(ct);
        var lastId = 0;
        while (true)
        {
            var files = await db.ArchivedFiles.Where(f => f.Id > lastId && f.State == ArchiveFileState.Kept).OrderBy(f => f.Id).Take(500).ToListAsync(ct);
            if (files.Count == 0)
            {
                break;
            }

            foreach (var file in files)
            {
                file.RetainUntil = years.RetainUntil(file.CategoryId, file.Importance, file.ClosedAt);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = files[^1].Id;
        }
    }
}

/// <summary>The rules as loaded: the type's own rule, else the default rule, else the built-in defaults.</summary>
public sealed class RetentionYears(IReadOnlyList<RetentionRule> rules)
{
    private readonly Dictionary<int, RetentionRule> byCategory = rules.Where(r => r.CategoryId is not null).ToDictionary(r => r.CategoryId!.Value);
    private readonly RetentionRule fallback = rules.FirstOrDefault(r => r.CategoryId is null)
        ?? new RetentionRule(null, RetentionRule.DefaultGeneralYears, RetentionRule.DefaultImportantYears);

    public static async Task<RetentionYears> LoadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new RetentionYears(await db.RetentionRules.AsNoTracking().ToListAsync(ct));
    }

    public RetentionRule RuleFor(int? categoryId) =>
        categoryId is { } id && byCategory.TryGetValue(id, out var rule) ? rule : fallback;

    public DateTimeOffset RetainUntil(int? categoryId, ArchiveImportance importance, DateTimeOffset closedAt) =>
        closedAt.AddYears(RuleFor(categoryId).YearsFor(importance));
}

/// <summary>Why an archive action was refused (shown to the person in words).</summary>
public enum ArchiveError
{
    None = 0,
    NotPermitted = 1,
    NotFound = 2,
    WrongState = 3,
    PurposeRequired = 4,
    ScopeRequired = 5,
    UnknownNumbers = 6,
    PeriodInvalid = 7,
    ReasonRequired = 8,
    NotWithinRequest = 9,
    OwnRequest = 10,
    UnderLegalHold = 11,
    RetentionYearsInvalid = 12,
    TooLong = 13,

    /// <summary>Another administrator changed it since the page read it: nothing was overwritten.</summary>
    ConcurrencyConflict = 14,
}
