using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>The organisation's lists an administrator keeps on their own page (the repair categories come with the plaza's fee schedule).</summary>
public enum CatalogueKind
{
    /// <summary>The kinds of solution a department proposes (解决方案类型).</summary>
    SolutionType = 0,

    /// <summary>The cause categories a department files its root cause under (原因类别).</summary>
    CauseCategory = 1,
}

public enum CatalogueError
{
    None = 0,
    NotFound = 1,
    ConcurrencyConflict = 2,

    /// <summary>A value was missing or refused; <see cref="CatalogueResult.Refused"/> names the field.</summary>
    InputRefused = 3,
}

/// <summary>Why a field was refused: the problems of <see cref="TextRules"/>, or these.</summary>
public enum CatalogueProblem
{
    Text = 0,
    Required = 1,

    /// <summary>A code is letters, digits and <c>_ . -</c>, starting with a letter or digit (the ledger's notes quote it).</summary>
    CodeShape = 2,
    CodeTaken = 3,
}

/// <param name="Field">One of <see cref="CatalogueBook.Fields"/>.</param>
/// <param name="Text">With <see cref="CatalogueProblem.Text"/>: what <see cref="TextRules"/> refused.</param>
public sealed record CatalogueFieldError(string Field, CatalogueProblem Problem, FieldError? Text = null);

public sealed record CatalogueResult(CatalogueError Error, CatalogueFieldError? Refused = null, string? Code = null)
{
    public bool Succeeded => Error == CatalogueError.None;
}

/// <summary>One entry as the administrator's list shows it, with how many department tasks have filed it.</summary>
public sealed record CatalogueRow(int Id, string Code, string NameZhHans, string NameZhHant, string NameEn, int SortOrder, bool IsActive, int Version, int UsedBy)
{
    public string DisplayName(CultureInfo culture) => Department.DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);
}

/// <summary>
/// The administrator's keeping of the solution types and the cause categories: add one (last in the list), rename it in
/// its three languages, retire it (no longer offered; the cases that filed it keep its name) or offer it again, and move it up
/// or down the list the step dialog offers. Entries are never deleted: cases and the ledger quote their codes. A stale
/// version is a conflict, never an overwrite. Each change is a line of the organisation's change log.
/// </summary>
public sealed partial class CatalogueBook(PortalDbContext db, TimeProvider time)
{
    public static class Fields
    {
        public const string Code = "catalogue.code";
        public const string NameZhHans = "catalogue.nameZhHans";
        public const string NameZhHant = "catalogue.nameZhHant";
        public const string NameEn = "catalogue.nameEn";
    }

    /// <summary>The list in the order the step dialog offers it, with what each has been filed on.</summary>
    public async Task<IReadOnlyList<CatalogueRow>> ListAsync(CatalogueKind kind, CancellationToken cancellationToken = default)
    {
        var entries = await Entries(kind).AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var tasks = db.DepartmentTasks.AsNoTracking();
        var used = await (kind == CatalogueKind.SolutionType
                ? tasks.Where(t => t.SolutionTypeCode != null).GroupBy(t => t.SolutionTypeCode!)
                : tasks.Where(t => t.CauseCategoryCode != null).GroupBy(t => t.CauseCategoryCode!))
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, StringComparer.Ordinal, cancellationToken);
        return [.. entries.Select(e => new CatalogueRow(e.Id, e.Code, e.NameZhHans, e.NameZhHant, e.NameEn, e.SortOrder, e.IsActive, e.Version,
            used.GetValueOrDefault(e.Code)))];
    }

    /// <summary>Adds an entry at the end of the list; its code is kept upper-case.</summary>
    public async Task<CatalogueResult> AddAsync(CatalogueKind kind, string? code, string? nameZhHans, string? nameZhHant, string? nameEn, string by,
        CancellationToken cancellationToken = default)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? "";
        var refused = CheckCode(normalized) ?? CheckNames(nameZhHans, nameZhHant, nameEn);
        if (refused is null && await Entries(kind).AnyAsync(e => e.Code == normalized, cancellationToken))
        {
            refused = new(Fields.Code, CatalogueProblem.CodeTaken);
        }

        if (refused is not null)
        {
            return new(CatalogueError.InputRefused, refused);
        }

        var (zhHans, zhHant, en) = (nameZhHans!.Trim(), nameZhHant?.Trim() ?? "", nameEn?.Trim() ?? "");
        var order = (await Entries(kind).MaxAsync(e => (int?)e.SortOrder, cancellationToken) ?? 0) + 10;
        db.Add<CatalogueEntry>(kind == CatalogueKind.SolutionType
            ? new SolutionType(normalized, zhHans, zhHant, en, order)
            : new CauseCategory(normalized, zhHans, zhHant, en, order));
        Log(kind, normalized, string.Create(CultureInfo.InvariantCulture, $"added; names={zhHans} | {zhHant} | {en}"), by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsLostRace(e))
        {
            // Another administrator added the same code at the same moment.
            db.ChangeTracker.Clear();
            return new(CatalogueError.InputRefused, new(Fields.Code, CatalogueProblem.CodeTaken));
        }

        return new(CatalogueError.None, Code: normalized);
    }

    /// <summary>Renames an entry and offers or retires it.</summary>
    public async Task<CatalogueResult> UpdateAsync(CatalogueKind kind, int id, int expectedVersion, string? nameZhHans, string? nameZhHant, string? nameEn,
        bool active, string by, CancellationToken cancellationToken = default)
    {
        if (CheckNames(nameZhHans, nameZhHant, nameEn) is { } refused)
        {
            return new(CatalogueError.InputRefused, refused);
        }

        return await ChangeAsync(kind, id, expectedVersion, by, entry =>
        {
            var (zhHans, zhHant, en) = (nameZhHans!.Trim(), nameZhHant?.Trim() ?? "", nameEn?.Trim() ?? "");
            var parts = new List<string>();
            if ((entry.NameZhHans, entry.NameZhHant, entry.NameEn) != (zhHans, zhHant, en))
            {
                entry.Rename(zhHans, zhHant, en);
                parts.Add($"names={zhHans} | {zhHant} | {en}");
            }

            if (entry.IsActive != active)
            {
                entry.SetActive(active);
                parts.Add(active ? "offered again" : "retired");
            }

            return parts.Count > 0 ? string.Join("; ", parts) : null;
        }, cancellationToken);
    }

    /// <summary>Moves an entry one place up (<paramref name="step"/> −1) or down (+1) the list; at either end nothing moves.</summary>
    public async Task<CatalogueResult> MoveAsync(CatalogueKind kind, int id, int expectedVersion, int step, string by, CancellationToken cancellationToken = default)
    {
        // Read tracked once: the entry ChangeAsync finds is the same instance, so the list is renumbered without reading it again.
        var ordered = await Entries(kind).OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(e => e.Id == id);
        var other = index + Math.Sign(step);
        if (index < 0)
        {
            db.ChangeTracker.Clear();
            return new(CatalogueError.NotFound);
        }

        return await ChangeAsync(kind, id, expectedVersion, by, _ =>
        {
            if (other < 0 || other >= ordered.Count)
            {
                return null;
            }

            var neighbour = ordered[other];
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            // Renumbered in tens, so two entries of the same order (a starter's import) part too.
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Reorder((i + 1) * 10);
            }

            return string.Create(CultureInfo.InvariantCulture, $"moved {(step < 0 ? "up" : "down")} past {neighbour.Code}");
        }, cancellationToken);
    }

    private async Task<CatalogueResult> ChangeAsync(CatalogueKind kind, int id, int expectedVersion, string by,
        Func<CatalogueEntry, string?> change, CancellationToken cancellationToken)
    {
        var entry = await Entries(kind).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return new(CatalogueError.NotFound);
        }

        if (entry.Version != expectedVersion)
        {
            db.ChangeTracker.Clear();
            return new(CatalogueError.ConcurrencyConflict);
        }

        var what = change(entry);
        if (what is null)
        {
            db.ChangeTracker.Clear();
            return new(CatalogueError.None, Code: entry.Code);
        }

        entry.Touch();
        Log(kind, entry.Code, what, by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(CatalogueError.ConcurrencyConflict);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return new(CatalogueError.None, Code: entry.Code);
    }

    private IQueryable<CatalogueEntry> Entries(CatalogueKind kind) => kind switch
    {
        CatalogueKind.SolutionType => db.SolutionTypes,
        CatalogueKind.CauseCategory => db.CauseCategories,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private void Log(CatalogueKind kind, string code, string what, string by) =>
        db.OrganisationChanges.Add(new OrganisationChange(time.GetUtcNow(), by,
            kind == CatalogueKind.SolutionType ? OrganisationSubject.SolutionType : OrganisationSubject.CauseCategory, code, what));

    private static CatalogueFieldError? CheckCode(string code) =>
        code.Length == 0 ? new(Fields.Code, CatalogueProblem.Required)
        : code.Length > CatalogueEntry.CodeMaxLength ? new(Fields.Code, CatalogueProblem.Text, new FieldError(Fields.Code, InputProblem.TooLong, CatalogueEntry.CodeMaxLength))
        : !CodeShape().IsMatch(code) ? new(Fields.Code, CatalogueProblem.CodeShape)
        : null;

    private static CatalogueFieldError? CheckNames(string? zhHans, string? zhHant, string? en)
    {
        if (string.IsNullOrWhiteSpace(zhHans))
        {
            return new(Fields.NameZhHans, CatalogueProblem.Required);
        }

        foreach (var (field, value) in new[] { (Fields.NameZhHans, zhHans), (Fields.NameZhHant, zhHant), (Fields.NameEn, en) })
        {
            var problem = TextRules.Check(value?.Trim(), Department.NameMaxLength, TextShape.SingleLine);
            if (problem != InputProblem.None)
            {
                return new(field, CatalogueProblem.Text, new FieldError(field, problem, Department.NameMaxLength));
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
