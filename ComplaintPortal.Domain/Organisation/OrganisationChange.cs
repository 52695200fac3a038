namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// One line of the organisation's change log: who changed which department, team, membership, category,
/// routing rule, template or configuration, when, and what it became. Lines are only ever added.
/// </summary>
public sealed class OrganisationChange
{
    public const int SubjectMaxLength = 64;
    public const int WhatMaxLength = 2000;

    private OrganisationChange()
    {
    }

    public OrganisationChange(DateTimeOffset at, string changedBy, OrganisationSubject subject, string subjectCode, string what)
    {
        At = at;
        ChangedBy = changedBy;
        Subject = subject;
        SubjectCode = subjectCode.Length > SubjectMaxLength ? subjectCode[..SubjectMaxLength] : subjectCode;
        What = what.Length > WhatMaxLength ? what[..WhatMaxLength] : what;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The administrator's user name (or <c>system</c> for a starter).</summary>
    public string ChangedBy { get; private set; } = "";

    public OrganisationSubject Subject { get; private set; }

    /// <summary>The code of the department, team, category… that changed.</summary>
    public string SubjectCode { get; private set; } = "";

    /// <summary>Invariant summary of the change, e.g. <c>head=u-42; calendar=CN</c>.</summary>
    public string What { get; private set; } = "";
}

public enum OrganisationSubject
{
    Department = 0,
    Team = 1,
    Membership = 2,
    RoutingRule = 3,
    MessageTemplate = 4,
    Starter = 5,
    Configuration = 6,

    /// <summary>A kind of solution added, renamed, retired, offered again or moved (its code).</summary>
    SolutionType = 7,

    /// <summary>A cause category added, renamed, retired, offered again or moved (its code).</summary>
    CauseCategory = 8,
}
