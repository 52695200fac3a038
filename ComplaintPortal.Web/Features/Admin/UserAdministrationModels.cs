using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Web.Features.Admin;

public enum UserSort
{
    UserName = 0,
    DisplayName = 1,
    Department = 2,
}

public enum UserStatusFilter
{
    All = 0,
    Active = 1,
    Locked = 2,
}

/// <summary>What the users list asks for: filters, one sort column, and a zero-based page.</summary>
public sealed record UserQuery(
    string? Search = null,
    int? DepartmentId = null,
    string? Role = null,
    UserStatusFilter Status = UserStatusFilter.All,
    UserSort SortBy = UserSort.UserName,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Email, Department? Department, IReadOnlyList<string> Roles, bool IsLocked)
{
    /// <summary>The department's stable code, which the list sorts by.</summary>
    public string DepartmentCode => Department?.Code ?? "";
}

public sealed record UserDetails(string Id, string UserName, string DisplayName, string? Email, int? DepartmentId, IReadOnlyList<string> Roles, bool IsLocked, string ConcurrencyStamp);

/// <summary>An edit of an account as loaded with <see cref="ConcurrencyStamp"/>.</summary>
public sealed record UserChanges(string ConcurrencyStamp, string DisplayName, string? Email, int? DepartmentId, IReadOnlyCollection<string> Roles);

public sealed class NewUser
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public int? DepartmentId { get; set; }

    public string Password { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
