using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Privacy;

/// <summary>Where a person saw a case's unmasked personal data.</summary>
public enum PersonalDataViewKind
{
    /// <summary>The case page with the complainant's name, phone, e-mail and address unmasked.</summary>
    CasePage = 0,

    /// <summary>An evidence file (photo, recording, PDF) opened, previewed or downloaded.</summary>
    Evidence = 1,

    /// <summary>A file exported with unmasked personal data in it.</summary>
    Export = 2,

    /// <summary>The case's handling form (投诉处理单) opened to print, with the complainant's data unmasked.</summary>
    Printed = 3,
}

/// <summary>
/// One line of the log of who looked at personal data (DOMAIN.md, Confidentiality): who, which case, what,
/// when and from which address. Append-only: <see cref="AppendOnlyPrivacyInterceptor"/> and the database
/// triggers refuse any change or deletion.
/// </summary>
public sealed class PersonalDataView
{
    public const int DetailMaxLength = 200;
    public const int AddressMaxLength = 64;

    private PersonalDataView()
    {
    }

    internal PersonalDataView(ActingUser viewer, int complaintId, string caseNumber, PersonalDataViewKind kind, string? detail, string? address,
        DateTimeOffset at)
    {
        ViewerUserId = viewer.UserId;
        ViewerName = viewer.Name;
        ViewerDepartmentId = viewer.DepartmentId;
        ComplaintId = complaintId;
        CaseNumber = caseNumber;
        Kind = kind;
        Detail = Shorten(detail, DetailMaxLength);
        Address = Shorten(address, AddressMaxLength);
        At = at;
    }

    public long Id { get; private set; }

    public string ViewerUserId { get; private set; } = "";

    /// <summary>The viewer's name as it was then.</summary>
    public string ViewerName { get; private set; } = "";

    public int? ViewerDepartmentId { get; private set; }

    public int ComplaintId { get; private set; }

    /// <summary>Kept with the line so the log still names the case once its personal data is removed.</summary>
    public string CaseNumber { get; private set; } = "";

    public PersonalDataViewKind Kind { get; private set; }

    /// <summary>Which file or export, when the kind has more than one (e.g. the evidence file's name).</summary>
    public string? Detail { get; private set; }

    /// <summary>The viewer's network address, when known.</summary>
    public string? Address { get; private set; }

    public DateTimeOffset At { get; private set; }

    private static string? Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = new string(text.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length > max ? clean[..max] : clean;
    }
}
