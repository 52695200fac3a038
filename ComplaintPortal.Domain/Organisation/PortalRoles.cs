namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// The seven roles of the complaint regime. Names are stable identifiers: they are stored in the
/// role table and used by Entra ID app-role mapping, so they are never translated.
/// </summary>
public static class PortalRoles
{
    public const string IntakeClerk = nameof(IntakeClerk);
    public const string DepartmentHandler = nameof(DepartmentHandler);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Leadership = nameof(Leadership);
    public const string Supervisor = nameof(Supervisor);
    public const string ArchiveClerk = nameof(ArchiveClerk);
    public const string Administrator = nameof(Administrator);

    /// <summary>Comma list for <c>[Authorize(Roles = ...)]</c> on pages any portal user may open.</summary>
    public const string AnyRole =
        IntakeClerk + "," + DepartmentHandler + "," + DepartmentHead + "," + Leadership + ","
        + Supervisor + "," + ArchiveClerk + "," + Administrator;

    public static IReadOnlyList<string> All { get; } =
    [
        IntakeClerk, DepartmentHandler, DepartmentHead, Leadership, Supervisor, ArchiveClerk, Administrator,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
