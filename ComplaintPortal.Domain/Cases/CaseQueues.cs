using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Whose work queues a case sits in: customer service in the stages where it has the next move, leadership while the case
/// waits for its closure approval or is escalated, and each department with a task not yet reported back while the case is
/// in the departments or waits for the customer. The queue page lists by these rules (the Web's <c>CaseQueries</c>), and a
/// case that closes says by them which queues it left (<see cref="QueuesLeft"/>), so that only the pages counting those
/// queues count again.
/// </summary>
public static class CaseQueues
{
    /// <summary>Stages in which customer service has the next move.</summary>
    public static readonly CaseStage[] ClerkStages =
        [CaseStage.Registered, CaseStage.Assessed, CaseStage.Acknowledged, CaseStage.UnderReview, CaseStage.Approved, CaseStage.AwaitingCallback, CaseStage.WaitingForCustomer];

    /// <summary>Stages in which a department's open task puts the case in that department's queue.</summary>
    public static readonly CaseStage[] DepartmentStages = [CaseStage.InDepartments, CaseStage.WaitingForCustomer];

    /// <summary>The queues an open case in <paramref name="stage"/> sits in, with its tasks' departments and states.</summary>
    public static QueuesLeft Of(CaseStage stage, bool escalated, IEnumerable<(int DepartmentId, DepartmentTaskStatus Status)> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        int[] departments = DepartmentStages.Contains(stage)
            ? [.. tasks.Where(t => t.Status != DepartmentTaskStatus.ReportedBack).Select(t => t.DepartmentId).Distinct().Order()]
            : [];
        return new QueuesLeft(ClerkStages.Contains(stage), stage == CaseStage.AwaitingClosureApproval || escalated, departments);
    }
}

/// <summary>
/// The work queues that cases closing in one save sat in just before (<see cref="CaseQueues"/>): customer service's,
/// leadership's, and these departments'.
/// </summary>
public sealed record QueuesLeft(bool Clerks, bool Leadership, IReadOnlyList<int> Departments)
{
    public static QueuesLeft None { get; } = new(false, false, []);

    /// <summary>Both sets of queues.</summary>
    public QueuesLeft With(QueuesLeft other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Clerks || other.Clerks, Leadership || other.Leadership, [.. Departments.Union(other.Departments).Order()]);
    }

    /// <summary>Whether one of these queues is <paramref name="user"/>'s (as the queue page lists it for them).</summary>
    public bool Reach(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (Clerks && user.IsInRole(PortalRoles.IntakeClerk))
            || (Leadership && user.IsInRole(PortalRoles.Leadership))
            || (user.DepartmentId is { } department && Departments.Contains(department)
                && (user.IsInRole(PortalRoles.DepartmentHandler) || user.IsInRole(PortalRoles.DepartmentHead)));
    }

    public bool Equals(QueuesLeft? other) =>
        other is not null && Clerks == other.Clerks && Leadership == other.Leadership && Departments.SequenceEqual(other.Departments);

    public override int GetHashCode() => HashCode.Combine(Clerks, Leadership, Departments.Count);
}
