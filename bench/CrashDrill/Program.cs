using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Checks a portal database after scripts/crash-drill.sh killed and restarted the portal: every case's
// ledger chain against its head and the signed digests, the whole ledger against the digests, cases
// sharing an idempotency key, and deadlines the monitor has not yet recorded. Usage:
//   dotnet run -c Release --project bench/CrashDrill -- --db portal.db --digests dir --key key.pem
// Prints one line per figure and exits 1 when any of them is wrong.
var dbPath = Arg("--db");
var archive = new LedgerDigestArchive(Arg("--digests"));
var key = LedgerDigestKey.LoadOrCreate(Arg("--key"));
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
PortalDatabase.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString());
options.UseIdentitySchema();
await using var db = new SqlitePortalDbContext(options.Options);

var ids = await db.Complaints.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
var broken = new List<int>();
var events = 0;
foreach (var id in ids)
{
    var verification = await LedgerAudit.VerifyCaseAsync(db, id, archive);
    events += verification.EventCount;
    if (!verification.IsIntact)
    {
        broken.Add(id);
    }
}

var findings = await LedgerAudit.VerifyAllAsync(db, archive, key);
var duplicateKeys = await db.Complaints.AsNoTracking().Where(c => c.IdempotencyKey != null)
    .GroupBy(c => c.IdempotencyKey).Where(g => g.Count() > 1).CountAsync();

// What DeadlineMonitor.RunOnceAsync would still record now: reached, not met, running, not yet recorded.
var now = DateTimeOffset.UtcNow;
CaseStage[] notRunning = [CaseStage.WaitingForCustomer, CaseStage.Closed, CaseStage.Withdrawn, CaseStage.Invalid, CaseStage.Duplicate];
var reached = await db.CaseDeadlines.AsNoTracking()
    .Where(d => d.MetAt == null && d.DueSoonAt <= now && !notRunning.Contains(d.Complaint!.Stage))
    .CountAsync();
var unrecorded = await db.CaseDeadlines.AsNoTracking()
    .Where(d => d.MetAt == null && d.DueSoonAt <= now && !notRunning.Contains(d.Complaint!.Stage))
    .Where(d => !db.DeadlineTransitions.Any(t => t.CaseDeadlineId == d.Id && t.DueAt == d.DueAt
        && (t.Level == DeadlineLevel.Overdue || d.DueAt > now)))
    .CountAsync();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases in the database: {ids.Count} ({events} ledger events)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ledger chains verified: {ids.Count - broken.Count} of {ids.Count} intact{(broken.Count > 0 ? " (broken: " + string.Join(",", broken) + ")" : "")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"whole ledger against the signed digests: {(findings.Count == 0 ? "intact" : string.Join("; ", findings.Select(f => $"{f.Kind} case {f.ComplaintId} seq {f.Sequence}")))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idempotency keys with more than one case: {duplicateKeys}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"deadline monitor caught up: {(unrecorded == 0 ? "yes" : "no")} ({reached} deadlines reached, {unrecorded} not yet recorded)"));
SqliteConnection.ClearAllPools();
return broken.Count == 0 && findings.Count == 0 && duplicateKeys == 0 && unrecorded == 0 ? 0 : 1;

string Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required");
}
