namespace ComplaintPortal.Domain.Deadlines;

/// <summary>Which time limit a deadline enforces. Stored by name: never rename one.</summary>
public enum DeadlineKind
{
    /// <summary>From receipt to the acknowledgement to the customer (告知受理).</summary>
    FirstResponse = 0,

    /// <summary>From receipt until every department has proposed its solution.</summary>
    SolutionPlan = 1,

    /// <summary>From receipt to the reply to the customer (回復客戶).</summary>
    Completion = 2,

    /// <summary>One department's task, from dispatch to its report back.</summary>
    DepartmentTask = 3,
}

/// <summary>How far a deadline has run.</summary>
public enum DeadlineLevel
{
    DueSoon = 0,
    Overdue = 1,
}
