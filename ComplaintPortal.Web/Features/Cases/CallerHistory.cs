using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>One of a caller's other cases, as the intake and the case page list it (no personal data).</summary>
/// <param name="Archived">Filed in the archive: its link answers with where the file went (<see cref="ArchivedCaseNotice"/>).</param>
public sealed record CallerCase(string CaseNumber, DateTimeOffset ReceivedAt, CaseStage Stage, Category? Category, bool Archived);

/// <summary>A caller's other cases: how many, how many still open, and the first <see cref="CallerHistory.Shown"/> (open ones first, newest first).</summary>
/// <param name="ByPhone">Whether a phone was looked up by (the panel names what the cases were found by).</param>
/// <param name="ByEmail">Whether an e-mail address was looked up by.</param>
public sealed record CallerCases(int Total, int Open, IReadOnlyList<CallerCase> Shown, bool ByPhone = true, bool ByEmail = false)
{
    public static CallerCases None { get; } = new(0, 0, []);
}

/// <summary>
/// The same caller's other cases, found by the phone however it was typed (<see cref="ContactForms.PhoneKey"/>) or by the
/// e-mail address however it was cased (<see cref="ContactForms.EmailKey"/>, for those who write rather than call), so a
/// clerk sees a repeat caller before registering again and an assessor has the original at hand for 重复投诉. Only for
/// those who work every case (customer service, leadership, <see cref="CaseAccess.WorksEveryCase"/>): linking cases by a
/// phone number is a use of personal data the departments do not need. Archived cases are listed too, marked as such: they
/// see every case, and a caller's history does not end at the archive's quiet period (the case link then says where the
/// file went; the file itself still needs an approved access request).
/// </summary>
public sealed class CallerHistory(PortalDbContext db)
{
    public const int Shown = 5;

    private static readonly CaseStage[] Final = Enum.GetValues<CaseStage>().Where(s => s.IsFinal()).ToArray();

    /// <summary>The cases with the same phone or the same e-mail address (either may be missing).</summary>
    public async Task<CallerCases> ForContactAsync(string? phone, string? email, ActingUser viewer, int? exceptCaseId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var phoneKey = ContactForms.PhoneKey(phone);
        var emailKey = ContactForms.EmailKey(email);
        if (!CaseAccess.WorksEveryCase(viewer) || (phoneKey is null && emailKey is null))
        {
            return CallerCases.None;
        }

        // Each key on its own index: no "@key IS NULL OR …" for the planner to step around. Both keys are read as a
        // union of the two index lookups: asked as "phone OR e-mail", SQLite read every case (35–80 ms at 100,000).
        var all = db.Complaints.AsNoTracking();
        var cases = phoneKey is null ? all.Where(c => c.EmailKey == emailKey)
            : emailKey is null ? all.Where(c => c.PhoneKey == phoneKey)
            : all.Where(c => all.Where(p => p.PhoneKey == phoneKey).Select(p => p.Id)
                .Union(all.Where(e => e.EmailKey == emailKey).Select(e => e.Id)).Contains(c.Id));
        if (exceptCaseId is { } id)
        {
            cases = cases.Where(c => c.Id != id);
        }

        var total = await cases.CountAsync(ct);
        if (total == 0)
        {
            return CallerCases.None;
        }

        var open = await cases.CountAsync(c => !Final.Contains(c.Stage), ct);
        var shown = await cases
            .OrderBy(c => Final.Contains(c.Stage) ? 1 : 0).ThenByDescending(c => c.ReceivedAt)
            .Take(Shown)
            .Select(c => new CallerCase(c.CaseNumber, c.ReceivedAt, c.Stage, c.Category, c.ArchivedAt != null))
            .ToListAsync(ct);
        return new CallerCases(total, open, shown, phoneKey is not null, emailKey is not null);
    }
}
