using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>The department fields an administrator edits (the add dialog and the department page).</summary>
public sealed class DepartmentForm
{
    public string Code { get; set; } = "";

    public string NameZhHans { get; set; } = "";

    public string NameZhHant { get; set; } = "";

    public string NameEn { get; set; } = "";

    public DepartmentKind Kind { get; set; } = DepartmentKind.Operational;

    public int? ParentId { get; set; }

    public string? HeadUserId { get; set; }

    public string? CalendarCode { get; set; }

    /// <summary>The department's version the edit started from; null when adding.</summary>
    public int? Version { get; set; }

    public DepartmentInput ToInput() => new(Code, NameZhHans, NameZhHant, NameEn, Kind, ParentId, HeadUserId, CalendarCode, Version);

    public static DepartmentForm From(Department d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new()
        {
            Code = d.Code, NameZhHans = d.NameZhHans, NameZhHant = d.NameZhHant, NameEn = d.NameEn, Kind = d.Kind,
            ParentId = d.ParentId, HeadUserId = d.HeadUserId, CalendarCode = d.CalendarCode, Version = d.Version,
        };
    }
}
