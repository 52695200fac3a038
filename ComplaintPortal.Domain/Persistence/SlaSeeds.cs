using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// The calendars and default policies a new installation starts with: general complaints 1 / 3 / 7
/// working days on the mainland calendar, urgent ones 4 working hours / 1 / 3 working days on 24/7.
/// Missing rows are added; existing ones (an administrator's edits) are never overwritten.
/// </summary>
internal static class SlaSeeds
{
    public const string SeededBy = "system";

    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendars = await db.WorkingCalendars.Select(c => c.Code).ToListAsync(cancellationToken);
        foreach (var seed in new[] { CalendarSeeds.ChinaMainland2026, CalendarSeeds.RoundTheClock, CalendarSeeds.Taiwan2026 })
        {
            if (!calendars.Contains(seed.Code))
            {
                db.WorkingCalendars.Add(new WorkingCalendarRecord(seed, SeededBy, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var defaults = await db.SlaPolicies.Where(p => p.CategoryId == null).Select(p => p.Priority).ToListAsync(cancellationToken);
        var added = new List<SlaPolicy>();
        if (!defaults.Contains(Priority.General))
        {
            added.Add(new SlaPolicy(Priority.General, null, CalendarSeeds.ChinaMainland2026.Code,
                SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(7), dueSoonPercent: 20));
        }

        if (!defaults.Contains(Priority.Urgent))
        {
            added.Add(new SlaPolicy(Priority.Urgent, null, CalendarSeeds.RoundTheClock.Code,
                SlaTarget.Hours(4), SlaTarget.Days(1), SlaTarget.Days(3), dueSoonPercent: 20));
        }

        db.SlaPolicies.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        db.SlaPolicyChanges.AddRange(added.Select(p => new SlaPolicyChange(p.Id, SeededBy, SeededBy, now, null, p.Summary())));
        await db.SaveChangesAsync(cancellationToken);
    }
}
