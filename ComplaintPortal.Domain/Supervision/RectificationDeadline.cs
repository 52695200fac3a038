using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// When a rectification notice falls due: N working days from its issue, counted by the SLA engine on the
/// working calendar the department's general (non-urgent) work on the case's category runs on, i.e. the
/// calendar of the general time-limit policy for that category. Departments have no calendar of their own;
/// a notice is never an emergency, so the 24/7 calendar of urgent cases does not apply.
/// </summary>
public static class RectificationDeadline
{
    public static async Task<(string CalendarCode, DateTimeOffset DueAt)> ComputeAsync(PortalDbContext db, WorkingCalendarCache calendars,
        int? categoryId, DateTimeOffset issuedAt, int workingDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var policy = await new CaseDeadlines(db, calendars).PolicyForAsync(Priority.General, categoryId, cancellationToken);
        var calendar = await calendars.GetAsync(db, policy.CalendarCode, cancellationToken);
        return (policy.CalendarCode, SlaTarget.Days(workingDays).DeadlineFrom(calendar, issuedAt));
    }
}
