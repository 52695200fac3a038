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

    /// <summary>False once retired: the department keeps its history but receives no new tasks.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Concurrency token: raised by every change an administrator saves, so another's edit of the version before is refused.</summary>
    public int Version { get; private set; }

    /// <summary>The department this one belongs to (e.g. a section of property management), if any.</summary>
    public int? ParentId { get; private set; }

    /// <summary>The person who heads the department (部門負責人), if named.</summary>
    public string? HeadUserId { get; private set; }

    /// <summary>The working calendar its own time limits count on; null means the policy's calendar.</summary>
    public string? CalendarCode { get; private set; }

    /// <summary>
    /// Whether dispatch may give this department a task, and so whether a routing rule may name it:
    /// an active department that investigates and fixes. Leadership and oversight functions do not.
    /// </summary>
    public bool ReceivesWork => IsActive && Kind == DepartmentKind.Operational;

    public string DisplayName(CultureInfo culture) => DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    public void Rename(string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
    }

    /// <summary>Marks a saved change (<see cref="Version"/>).</summary>
    public void Touch() => Version++;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void ChangeKind(DepartmentKind kind) => Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));

    public void PlaceUnder(int? parentId)
    {
        if (parentId is not null && parentId == Id && Id != 0)
        {
            throw new InvalidOperationException("A department cannot be its own parent.");
        }

        ParentId = parentId;
    }

    public void AppointHead(string? userId) => HeadUserId = string.IsNullOrWhiteSpace(userId) ? null : userId;

    public void UseCalendar(string? calendarCode) => CalendarCode = string.IsNullOrWhiteSpace(calendarCode) ? null : calendarCode;

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
