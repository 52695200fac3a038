using System.Globalization;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// A unit that owns complaint work. Names are kept in the three portal languages because they are
/// organisation data (edited by an administrator), not UI strings.
/// </summary>
public sealed class Department
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private Department()
    {
    }

    public Department(string code, string nameZhHans, string nameZhHant, string nameEn, DepartmentKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        Code = code;
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
        Kind = kind;
        IsActive = true;
    }

    public int Id { get; private set; }

    /// <summary>Stable short code, e.g. <c>QUALITY</c>; used by routing rules and imports.</summary>
    public string Code { get; private set; } = "";

    public string NameZhHans { get; private set; } = "";

    public string NameZhHant { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public DepartmentKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    public string DisplayName(CultureInfo culture) => DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    public void Rename(string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Picks the name for a UI culture: Traditional for zh-Hant/zh-TW/zh-HK, English for non-Chinese.</summary>
    public static string DisplayNameFor(CultureInfo culture, string zhHans, string zhHant, string en)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var name = culture.Name;
        if (name.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase)
            || name is "zh-TW" or "zh-HK" or "zh-MO")
        {
            return string.IsNullOrEmpty(zhHant) ? zhHans : zhHant;
        }

        if (name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return zhHans;
        }

        return string.IsNullOrEmpty(en) ? zhHans : en;
    }
}

/// <summary>What part a department plays in the regime; drives default visibility on boards and reports.</summary>
public enum DepartmentKind
{
    /// <summary>Customer service or the complaint room: records, dispatches, reviews, replies.</summary>
    CustomerService = 0,

    /// <summary>A department that investigates and fixes (R&amp;D, production, engineering…).</summary>
    Operational = 1,

    /// <summary>Company leadership: escalations and approvals.</summary>
    Leadership = 2,

    /// <summary>Supervision committee, archive room, finance and other oversight functions.</summary>
    Oversight = 3,
}
