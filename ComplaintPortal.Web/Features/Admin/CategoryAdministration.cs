using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Admin;

/// <summary>One category with its depth in the tree and the departments its routing rules propose.</summary>
public sealed record CategoryNode(Category Category, int Depth, IReadOnlyList<int> DepartmentIds);

/// <summary>What the category list asks for; without a sort column the rows keep the tree's order.</summary>
public sealed record CategoryQuery(string? Search = null, bool IncludeInactive = true, CategorySort SortBy = CategorySort.Tree,
    bool Descending = false, int Page = 0, int PageSize = 25);

public enum CategorySort
{
    Tree = 0,
    Code = 1,
    Name = 2,
}

public sealed record CategoryPage(IReadOnlyList<CategoryNode> Rows, int Total);

/// <summary>The administrator's view of the category tree and the routing rules.</summary>
public sealed class CategoryAdministration(PortalDbContext db, RoutingRuleBook routing)
{
    /// <summary>The fields a refusal names (<see cref="InputRefusedException.Errors"/>).</summary>
    public static class Fields
    {
        public const string Code = "category.code";
        public const string NameZhHans = "category.nameZhHans";
        public const string NameZhHant = "category.nameZhHant";
        public const string NameEn = "category.nameEn";
    }

    /// <summary>The door's checks: one clean line each, within the columns; the code and the simplified name required.</summary>
    public static IReadOnlyList<FieldError> Check(string? code, string? zhHans, string? zhHant, string? en)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, Fields.Code, code, Category.CodeMaxLength, TextShape.SingleLine);
        TextRules.Check(errors, Fields.NameZhHans, zhHans, Category.NameMaxLength, TextShape.SingleLine);
        TextRules.Check(errors, Fields.NameZhHant, zhHant, Category.NameMaxLength, TextShape.SingleLine);
        TextRules.Check(errors, Fields.NameEn, en, Category.NameMaxLength, TextShape.SingleLine);
        if (string.IsNullOrWhiteSpace(code) && errors.All(e => e.Field != Fields.Code))
        {
            errors.Add(new FieldError(Fields.Code, InputProblem.NotDefined));
        }

        if (string.IsNullOrWhiteSpace(zhHans) && errors.All(e => e.Field != Fields.NameZhHans))
        {
            errors.Add(new FieldError(Fields.NameZhHans, InputProblem.NotDefined));
        }

        return errors;
    }

    /// <summary>
    /// One page of the tree, filtered by code or a name in any language. The tree is a few dozen rows,
    /// so it is filtered and paged here on the server rather than in the database.
    /// </summary>
    public async Task<CategoryPage> PageAsync(CategoryQuery query, CultureInfo culture, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(culture);
        IEnumerable<CategoryNode> rows = await TreeAsync(ct);
        if (!query.IncludeInactive)
        {
            rows = rows.Where(n => n.Category.IsActive);
        }

        if (query.Search?.Trim() is { Length: > 0 } text)
        {
            rows = rows.Where(n => new[] { n.Category.Code, n.Category.NameZhHans, n.Category.NameZhHant, n.Category.NameEn }
                .Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }

        var names = StringComparer.Create(culture, ignoreCase: true);
        rows = (query.SortBy, query.Descending) switch
        {
            (CategorySort.Code, false) => rows.OrderBy(n => n.Category.Code, StringComparer.Ordinal),
            (CategorySort.Code, true) => rows.OrderByDescending(n => n.Category.Code, StringComparer.Ordinal),
            (CategorySort.Name, false) => rows.OrderBy(n => n.Category.DisplayName(culture), names),
            (CategorySort.Name, true) => rows.OrderByDescending(n => n.Category.DisplayName(culture), names),
            (CategorySort.Tree, _) => rows,
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        var all = rows.ToList();
        return new CategoryPage(all.Skip(Math.Max(0, query.Page) * query.PageSize).Take(query.PageSize).ToList(), all.Count);
    }

    public async Task<CategoryNode?> FindAsync(int id, CancellationToken ct = default) =>
        (await TreeAsync(ct)).FirstOrDefault(n => n.Category.Id == id);

    public async Task<IReadOnlyList<CategoryNode>> TreeAsync(CancellationToken ct = default)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var result = new List<CategoryNode>();
        void Walk(int? parentId, int depth)
        {
            foreach (var c in categories.Where(c => c.ParentId == parentId))
            {
                result.Add(new(c, depth, rules.Where(r => r.CategoryId == c.Id).Select(r => r.DepartmentId).ToList()));
                Walk(c.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>The departments a routing rule may name: those that can receive work.</summary>
    public async Task<List<Department>> DepartmentsAsync(CancellationToken ct = default) =>
        await DepartmentDirectory.ListAsync(db, DepartmentListing.ReceivingWork, ct);

    /// <returns>False when the code is taken.</returns>
    /// <exception cref="InputRefusedException">A value the door refuses; nothing is stored.</exception>
    public async Task<bool> AddAsync(string code, int? parentId, string zhHans, string zhHant, string en, CancellationToken ct = default)
    {
        Refuse(Check(code, zhHans, zhHant, en));
        var normalized = code.Trim().ToUpperInvariant();
        if (await db.Categories.AnyAsync(c => c.Code == normalized, ct))
        {
            return false;
        }

        var order = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 10;
        db.Categories.Add(new Category(normalized, zhHans.Trim(), zhHant.Trim(), en.Trim(), parentId, order));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Saves names, the active flag and the routing rules; the rules are checked first (each may only name a
    /// department that can receive work), and nothing is saved when they are refused.
    /// </summary>
    /// <exception cref="InputRefusedException">A value the door refuses; nothing is stored.</exception>
    /// <param name="expectedVersion">The category's version the edit started from: another administrator's save since is a conflict.</param>
    public async Task<OrganisationError> UpdateAsync(int id, string zhHans, string zhHant, string en, bool active,
        IReadOnlyCollection<int> departmentIds, string by, int? expectedVersion = null, CancellationToken ct = default)
    {
        Refuse(Check("-", zhHans, zhHant, en));
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return OrganisationError.NotFound;
        }

        if (expectedVersion is { } version && version != category.Version)
        {
            return OrganisationError.ConcurrencyConflict;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var routed = await routing.SetAsync(id, departmentIds, by, ct);
        if (routed != OrganisationError.None)
        {
            return routed;
        }

        category.Rename(zhHans.Trim(), zhHant.Trim(), en.Trim());
        category.SetActive(active);
        category.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by another administrator in between: the routing rules go back with the transaction.
            db.ChangeTracker.Clear();
            return OrganisationError.ConcurrencyConflict;
        }

        await transaction.CommitAsync(ct);
        return OrganisationError.None;
    }

    private static void Refuse(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors);
        }
    }
}
