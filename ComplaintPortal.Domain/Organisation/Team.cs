using System.Globalization;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>A team (班組) inside a department, e.g. engineering's repair crew; people are members of teams.</summary>
public sealed class Team
{
    public const int CodeMaxLength = 32;

    private Team()
    {
    }

    public Team(int departmentId, string code, string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        DepartmentId = departmentId;
        Code = code;
        Rename(nameZhHans, nameZhHant, nameEn);
        IsActive = true;
    }

    public int Id { get; private set; }

    public int DepartmentId { get; private set; }

    /// <summary>Unique within the portal, e.g. <c>ENG.REPAIR</c>.</summary>
    public string Code { get; private set; } = "";

    public string NameZhHans { get; private set; } = "";

    public string NameZhHant { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public bool IsActive { get; private set; }

    public List<TeamMember> Members { get; private set; } = [];

    /// <summary>Moves on with each change of the members: two administrators' saves of the same team cannot both land.</summary>
    public int Version { get; private set; }

    /// <summary>Marks a saved change of the members (<see cref="Version"/>).</summary>
    public void Touch() => Version++;

    public string DisplayName(CultureInfo culture) => Department.DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    public void Rename(string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
    }

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>One person's membership of a team.</summary>
public sealed class TeamMember
{
    private TeamMember()
    {
    }

    public TeamMember(int teamId, string userId)
    {
        TeamId = teamId;
        UserId = userId;
    }

    public int TeamId { get; private set; }

    public string UserId { get; private set; } = "";
}
