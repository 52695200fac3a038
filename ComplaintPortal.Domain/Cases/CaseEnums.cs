namespace ComplaintPortal.Domain.Cases;

/// <summary>How the complaint reached the organisation (受理渠道).</summary>
public enum ComplaintChannel
{
    Hotline = 0,
    Online = 1,
    Email = 2,
    Letter = 3,
    WalkIn = 4,
}

/// <summary>How serious the matter is (嚴重程度), set at the initial assessment.</summary>
public enum Severity
{
    Minor = 0,
    Moderate = 1,
    Serious = 2,
}

/// <summary>How quickly it must be handled (緊急程度).</summary>
public enum Urgency
{
    Normal = 0,
    Urgent = 1,
}

/// <summary>The queue priority that follows from urgency: urgent complaints jump the queue.</summary>
public enum Priority
{
    General = 0,
    Urgent = 1,
}

/// <summary>Where a case stands in the life of a complaint.</summary>
public enum CaseStage
{
    /// <summary>Recorded (登記), waiting for the initial assessment.</summary>
    Registered = 0,

    /// <summary>Assessed (初步評估), waiting for the acknowledgement to the customer.</summary>
    Assessed = 1,

    /// <summary>The customer was told the number and promised time (告知受理); ready to dispatch.</summary>
    Acknowledged = 2,

    /// <summary>Dispatched (轉辦); one or more departments are working on it.</summary>
    InDepartments = 3,

    /// <summary>Every department reported back; customer service reviews (審核).</summary>
    UnderReview = 4,

    /// <summary>Result approved; waiting for the reply to the customer (回復客戶).</summary>
    Approved = 5,

    /// <summary>Replied; waiting for the callback (回訪).</summary>
    AwaitingCallback = 6,

    /// <summary>The customer stayed unsatisfied; closing needs leadership approval.</summary>
    AwaitingClosureApproval = 7,

    /// <summary>Paused while waiting for the customer; time limits do not run.</summary>
    WaitingForCustomer = 8,

    /// <summary>Closed (結案).</summary>
    Closed = 9,

    /// <summary>Withdrawn by the customer (撤訴).</summary>
    Withdrawn = 10,

    /// <summary>Not a valid complaint (無效投訴).</summary>
    Invalid = 11,

    /// <summary>A repeat of an earlier case, linked to it (重複投訴).</summary>
    Duplicate = 12,
}

/// <summary>Progress of one department's task on a case.</summary>
public enum DepartmentTaskStatus
{
    Assigned = 0,
    Investigating = 1,
    SolutionProposed = 2,
    Implemented = 3,
    ReportedBack = 4,
}

/// <summary>How customer service replied to the customer (回復方式).</summary>
public enum ReplyChannel
{
    Phone = 0,
    Sms = 1,
    Email = 2,
    Letter = 3,
    InPerson = 4,
}

public static class CaseStages
{
    /// <summary>Stages from which nothing moves on any more.</summary>
    public static bool IsFinal(this CaseStage stage) => stage switch
    {
        CaseStage.Closed or CaseStage.Withdrawn or CaseStage.Invalid or CaseStage.Duplicate => true,
        CaseStage.Registered or CaseStage.Assessed or CaseStage.Acknowledged or CaseStage.InDepartments
            or CaseStage.UnderReview or CaseStage.Approved or CaseStage.AwaitingCallback
            or CaseStage.AwaitingClosureApproval or CaseStage.WaitingForCustomer => false,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static IReadOnlyList<CaseStage> Open { get; } =
        Enum.GetValues<CaseStage>().Where(s => !s.IsFinal()).ToArray();

    /// <summary>Priority follows urgency: the emergency procedure applies to urgent complaints.</summary>
    public static Priority PriorityFor(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => Priority.Urgent,
        Urgency.Normal => Priority.General,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency)),
    };
}
