using System.Globalization;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// An entry of one of the organisation's named lists (a kind of solution, a cause category, a repair category): a code
/// the cases keep, its name in three languages, its place in the list, and whether it is still offered. A retired entry
/// keeps naming the cases that used it.
/// </summary>
public abstract class CatalogueEntry
{
    public const int CodeMaxLength = 32;

    private protected CatalogueEntry()
    {
    }

    private protected CatalogueEntry(string code, string nameZhHans, string nameZhHant, string nameEn, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        Code = code;
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string NameZhHans { get; private set; } = "";

    public string NameZhHant { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Concurrency token: raised by every change an administrator makes.</summary>
    public int Version { get; private set; }

    public string DisplayName(CultureInfo culture) => Department.DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    public void Rename(string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        (NameZhHans, NameZhHant, NameEn) = (nameZhHans, nameZhHant, nameEn);
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Its place in the list (the administrator moved it, or one beside it).</summary>
    public void Reorder(int sortOrder)
    {
        if (SortOrder != sortOrder)
        {
            SortOrder = sortOrder;
            Version++;
        }
    }

    /// <summary>Marks a change, so another administrator's edit of the version before is refused.</summary>
    public void Touch() => Version++;
}

/// <summary>
/// A kind of solution a department may propose at its solution step (維修, 更換, 退款, 話費調整, 解釋說明…);
/// organisation data kept in three languages.
/// </summary>
public sealed class SolutionType : CatalogueEntry
{
    private SolutionType()
    {
    }

    public SolutionType(string code, string nameZhHans, string nameZhHant, string nameEn, int sortOrder)
        : base(code, nameZhHans, nameZhHant, nameEn, sortOrder)
    {
    }
}

/// <summary>
/// A cause category (原因类别) a department files its root cause under at its findings step: design, incoming material,
/// process, a facility's upkeep, a billing error, a misunderstanding… The statistics count complaints by it, since the
/// root cause itself is free text.
/// </summary>
public sealed class CauseCategory : CatalogueEntry
{
    private CauseCategory()
    {
    }

    public CauseCategory(string code, string nameZhHans, string nameZhHant, string nameEn, int sortOrder)
        : base(code, nameZhHans, nameZhHant, nameEn, sortOrder)
    {
    }
}

/// <summary>
/// A kind of repair a plaza's work orders use (室內維修, 公共區域設備…), and whether it is a paid service
/// (有償服務, priced from the fee schedule) by default.
/// </summary>
public sealed class RepairCategory : CatalogueEntry
{
    private RepairCategory()
    {
    }

    public RepairCategory(string code, string nameZhHans, string nameZhHant, string nameEn, bool paidByDefault, int sortOrder)
        : base(code, nameZhHans, nameZhHant, nameEn, sortOrder)
    {
        PaidByDefault = paidByDefault;
    }

    public bool PaidByDefault { get; set; }
}
