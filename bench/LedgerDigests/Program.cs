using System.Diagnostics;
using System.Globalization;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// What the folder of signed ledger digests costs an instance: managed heap and time for the first and later
// LeavesOf (the case page's sealed check) and for the whole-ledger check. Uses only the archive's API that
// main had before the digest index, so run.sh can build it against either. Usage:
//   dotnet LedgerDigests.dll --db cases.db --digests dir --key key.pem [--seal] [--cases 200] [--verify]
// The database is opened read-only; --seal seals its ledger into an empty digest folder first.
var dbPath = Arg("--db", null);
var folder = Arg("--digests", null);
var cases = int.Parse(Arg("--cases", "200"), CultureInfo.InvariantCulture);
using var key = LedgerDigestKey.LoadOrCreate(Arg("--key", null));
#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

Directory.CreateDirectory(folder);
if (args.Contains("--seal") && !Directory.EnumerateFiles(folder, "ledger-digest-*.json").Any())
{
    var sealing = Stopwatch.StartNew();
    await using var db = Context();
    var sealedDigests = await new LedgerSealer(db, new LedgerDigestArchive(folder), key).SealAsync(TimeProvider.System.GetUtcNow());
    Say($"sealed {sealedDigests.Count:N0} digests in {sealing.Elapsed.TotalSeconds:F1} s");
}

var files = Directory.EnumerateFiles(folder, "ledger-digest-*.json").Select(f => new FileInfo(f)).ToList();
Say($"digest folder: {files.Count:N0} files, {files.Sum(f => f.Length) / 1048576.0:N0} MB");
int maxCase;
await using (var db = Context())
{
    maxCase = await db.Complaints.MaxAsync(c => c.Id);
}

var baseline = Heap();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var archive = new LedgerDigestArchive(folder);
var first = Stopwatch.StartNew();
var firstLeaves = archive.LeavesOf(maxCase / 2).Count;
first.Stop();
var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
Say($"first LeavesOf (reads the folder): {first.Elapsed.TotalMilliseconds:N0} ms, CPU {firstCpu.TotalMilliseconds:N0} ms, {firstLeaves} leaves; "
    + $"heap held by the archive {(Heap() - baseline) / 1048576.0:N1} MB");

var random = new Random(13);
var times = new List<double>();
var leaves = 0L;
for (var i = 0; i < cases; i++)
{
    var one = Stopwatch.StartNew();
    leaves += archive.LeavesOf(random.Next(1, maxCase + 1)).Count;
    times.Add(one.Elapsed.TotalMilliseconds);
}

times.Sort();
Say($"LeavesOf of {cases} random cases: p50 {Pct(0.5):F2} ms, p95 {Pct(0.95):F2} ms, max {times[^1]:F2} ms ({leaves:N0} leaves); "
    + $"heap held by the archive {(Heap() - baseline) / 1048576.0:N1} MB");

if (args.Contains("--verify"))
{
    var peak = 0L;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            await Task.Delay(20);
        }
    });
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var verify = Stopwatch.StartNew();
    await using var db = Context();
    var findings = await LedgerAudit.VerifyAllAsync(db, archive, key);
    verify.Stop();
    await stop.CancelAsync();
    await sampler;
    Say($"whole-ledger check: {verify.Elapsed.TotalSeconds:N1} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:N1} s, "
        + $"{findings.Count} findings; managed heap peak {peak / 1048576.0:N0} MB, held after {(Heap() - baseline) / 1048576.0:N1} MB");
}

Say($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
GC.KeepAlive(archive);
SqliteConnection.ClearAllPools();
return 0;

double Pct(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];

static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    return GC.GetTotalMemory(true);
}

SqlitePortalDbContext Context()
{
    var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
    PortalDatabase.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly }.ToString());
    options.UseIdentitySchema();
    return new SqlitePortalDbContext(options.Options);
}

void Say(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {line}"));

string Arg(string name, string? fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
}
