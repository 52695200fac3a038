using System.Diagnostics;
using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Archives the backlog of a (copied!) portal database, runs one inspection pass and times the archive
// browser's first page. Usage:
//   dotnet run -c Release --project bench/ArchiveBench -- --db /work/bench-data/archive10.db [--minutes 15] [--batch 500]
//     [--steps archive,inspect,dispose,page] [--runs 40] [--progress 5] [--dispose 5000]
var dbPath = Arg("--db", "archive.db");
var minutes = double.Parse(Arg("--minutes", "15"), CultureInfo.InvariantCulture);
var batch = int.Parse(Arg("--batch", "500"), CultureInfo.InvariantCulture);
var steps = Arg("--steps", "archive,inspect,page").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var progressMinutes = double.Parse(Arg("--progress", "5"), CultureInfo.InvariantCulture);
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();
#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

var migrate = Stopwatch.StartNew();
await using (var db = Context())
{
    await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
}

Say($"migrated in {migrate.Elapsed.TotalSeconds:F1} s");
var options = new ArchiveOptions { BatchSize = batch };
var evidence = new EvidenceStore(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath))!, "archive10-evidence"));
var now = TimeProvider.System.GetUtcNow();
if (steps.Contains("archive"))
{
    long backlog;
    await using (var db = Context())
    {
        var quietSince = now - options.QuietPeriod;
        backlog = await db.Complaints.LongCountAsync(c => c.ArchivedAt == null && c.ClosedAt != null && c.ClosedAt <= quietSince);
    }

    Say($"backlog: {backlog:N0} final-stage cases past the quiet period; archiving for at most {minutes} min");
    var archive = Stopwatch.StartNew();
    using (var cap = new CancellationTokenSource(TimeSpan.FromMinutes(minutes)))
    {
        // Progress every few minutes on its own connection (WAL lets it read while the archiver writes).
        var progress = Task.Run(async () =>
        {
            while (!cap.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(progressMinutes), cap.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                await using var db = Context();
                var done = await db.ArchivedFiles.CountAsync();
                Say($"progress: {done:N0} files after {archive.Elapsed.TotalMinutes:F1} min = {done / archive.Elapsed.TotalSeconds:F0} files/s");
            }
        });

        try
        {
            await using var db = Context();
            await new Archiver(db, evidence, options).RunOnceAsync(now, ct: cap.Token);
        }
        catch (OperationCanceledException)
        {
            Say("time cap reached: the committed batches stay archived");
        }

        await cap.CancelAsync();
        await progress;
    }

    archive.Stop();
    int files;
    await using (var db = Context())
    {
        files = await db.ArchivedFiles.CountAsync();
    }

    Say($"archived {files:N0} files in {archive.Elapsed.TotalSeconds:F1} s = {files / archive.Elapsed.TotalSeconds:F0} files/s; process CPU so far {CpuSeconds():F0} s; peak working set {PeakMb():F0} MB");
}

if (steps.Contains("inspect"))
{
    var inspect = Stopwatch.StartNew();
    ArchiveInspection inspection;
    await using (var db = Context())
    {
        inspection = await new ArchiveInspector(db, new Archiver(db, evidence, options), TimeProvider.System, new ArchiveFeed()).RunAsync("bench");
    }

    Say($"inspected {inspection.FilesChecked:N0} files in {inspect.Elapsed.TotalSeconds:F1} s = {inspection.FilesChecked / inspect.Elapsed.TotalSeconds:F0} files/s, " +
        $"{inspection.DamagedFiles} damaged; process CPU so far {CpuSeconds():F0} s; peak working set {PeakMb():F0} MB");
}

if (steps.Contains("dispose"))
{
    // Four years on every general file is past its three years' retention: list them all (as the monthly job would), then,
    // twice, a leader approves the first --dispose of the list at once and the disposal job carries them out.
    var count = int.Parse(Arg("--dispose", "5000"), CultureInfo.InvariantCulture);
    var later = new FixedTime(now.AddYears(4));
    var leader = new ComplaintPortal.Domain.Workflow.ActingUser("bench-leader", "bench leader", null,
        new HashSet<string> { ComplaintPortal.Domain.Organisation.PortalRoles.Leadership });
    var list = Stopwatch.StartNew();
    int listed;
    await using (var db = Context())
    {
        listed = await new ArchiveDisposals(db, evidence, later, new ArchiveFeed()).ListDueAsync();
    }

    Say($"listed {listed:N0} files past retention in {list.Elapsed.TotalSeconds:F1} s; peak working set {PeakMb():F0} MB");
    for (var round = 1; round <= 2; round++)
    {
        await using var db = Context();
        var disposals = new ArchiveDisposals(db, evidence, later, new ArchiveFeed());
        var shown = await disposals.ListedAsync();
        var upTo = await db.ArchiveDisposals.Where(d => d.Status == DisposalStatus.Listed).OrderBy(d => d.Id).Skip(count - 1).Select(d => d.Id).FirstAsync();
        var approve = Stopwatch.StartNew();
        var (_, approved) = await disposals.ApproveListAsync(leader, upTo);
        approve.Stop();
        var cpu = CpuSeconds();
        var dispose = Stopwatch.StartNew();
        var disposed = await disposals.DisposeApprovedAsync();
        dispose.Stop();
        Say($"round {round}: list of {shown.Count:N0} shown; approved {approved:N0} at once in {approve.Elapsed.TotalMilliseconds:F0} ms; disposed {disposed:N0} in " +
            $"{dispose.Elapsed.TotalSeconds:F1} s = {disposed / dispose.Elapsed.TotalSeconds:F0} files/s, {(CpuSeconds() - cpu) * 1000 / Math.Max(disposed, 1):F2} ms CPU per file; " +
            $"peak working set {PeakMb():F0} MB");
    }
}

var runs = int.Parse(Arg("--runs", "40"), CultureInfo.InvariantCulture);
var times = new List<double>();
for (var i = 0; i < runs; i++)
{
    await using var db = Context();
    var page = Stopwatch.StartNew();
    var (rows, total) = await new ArchiveCatalog(db, TimeProvider.System, new ArchiveFeed()).PageAsync(new ArchiveFilter(), 0, 25);
    times.Add(page.Elapsed.TotalMilliseconds);
    if (i == 0)
    {
        Say($"browser first page: {rows.Count} rows of {total:N0}");
    }
}

var measured = times.Skip(5).Order().ToList();
if (measured.Count == 0)
{
    return;
}

Say($"browser first page over {measured.Count} runs: median {measured[measured.Count / 2]:F1} ms, p95 {measured[(int)Math.Ceiling(measured.Count * 0.95) - 1]:F1} ms, max {measured[^1]:F1} ms");
return;

SqlitePortalDbContext Context()
{
    var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
    PortalDatabase.ConfigureSqlite(builder, connectionString);
    builder.UseIdentitySchema();
    return new SqlitePortalDbContext(builder.Options);
}

static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

static double PeakMb() => Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

static void Say(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {line}"));

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

/// <summary>The clock the dispose step lists and disposes by: years on, so that files are past retention.</summary>
internal sealed class FixedTime(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
