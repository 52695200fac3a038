using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>Localized words of the archive; keys are <c>{Kind}_{EnumName}</c> in <see cref="ArchiveText"/>.</summary>
public static class ArchiveLabels
{
    public static string Error(ArchiveError error) => Text("Error_", error.ToString());

    public static string AccessKind(ArchiveAccessKind kind) => Text("Access_", kind.ToString());

    public static string RequestStatus(AccessRequestStatus status) => Text("Status_", status.ToString());

    public static string Retention(RetentionState state) => Text("Retention_", state.ToString());

    public static string Importance(ArchiveImportance importance) => Text("Importance_", importance.ToString());

    public static string Disposal(DisposalStatus status) => Text("Disposal_", status.ToString());

    public static string Problem(InspectionProblem problem) => Text("Problem_", problem.ToString());

    public static string Stage(CaseStage stage) => Cases.CaseLabels.Stage(stage);

    private static string Text(string prefix, string name) =>
        ArchiveText.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? name;
}

/// <summary>Department and complaint-type names for the archive's class columns.</summary>
public sealed record ArchiveNames(IReadOnlyDictionary<int, Department> Departments, IReadOnlyDictionary<int, Category> Categories)
{
    public static ArchiveNames Empty { get; } = new(new Dictionary<int, Department>(), new Dictionary<int, Category>());

    public string Department(int? id) =>
        id is { } d && Departments.TryGetValue(d, out var department) ? department.DisplayName(CultureInfo.CurrentUICulture) : ArchiveText.Common_None;

    public string Category(int? id) =>
        id is { } c && Categories.TryGetValue(c, out var category) ? category.DisplayName(CultureInfo.CurrentUICulture) : ArchiveText.Common_None;

    /// <summary>
    /// A file's class as the archive files it (type / department / year): a case closed before it was classified or sent to
    /// a department (withdrawn, invalid) says so in words rather than with dashes.
    /// </summary>
    public string FileClass(int? categoryId, int? departmentId, int year) => string.Join(" / ",
        categoryId is null ? ArchiveText.Class_Unclassified : Category(categoryId),
        departmentId is null ? ArchiveText.Class_NoDepartment : Department(departmentId),
        year.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The department of a line in the access register in the reader's language; the name as recorded where the line keeps no
    /// department (written before it did) or the department is gone.
    /// </summary>
    public string? Viewer(ArchiveAccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.DepartmentId is { } d && Departments.ContainsKey(d) ? Department(d) : entry.DepartmentName;
    }

    public static async Task<ArchiveNames> LoadAsync(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id), await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id));
    }
}
