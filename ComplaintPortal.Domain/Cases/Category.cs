using System.Globalization;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Cases;

/// <summary>A node of the complaint category tree (投訴分類); organisation data kept in three languages.</summary>
public sealed class Category
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private Category()
    {
    }

    public Category(string code, string nameZhHans, string nameZhHant, string nameEn, int? parentId = null, int sortOrder = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        Code = code;
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
        ParentId = parentId;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public int? ParentId { get; private set; }

    public string NameZhHans { get; private set; } = "";

    public string NameZhHant { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Concurrency token: raised by every change an administrator saves, so another's edit of the version before is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Marks a saved change (<see cref="Version"/>).</summary>
    public void Touch() => Version++;

    public string DisplayName(CultureInfo culture) => Department.DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    public void Rename(string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
    }

    public void MoveUnder(int? parentId) => ParentId = parentId;

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>
/// Proposes a department for a category at dispatch (quality → R&amp;D + production + quality, …).
/// A category without rules inherits its parent's; "other" has none, so the clerk chooses by hand.
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public RoutingRule(int categoryId, int departmentId)
    {
        CategoryId = categoryId;
        DepartmentId = departmentId;
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public int DepartmentId { get; private set; }
}
