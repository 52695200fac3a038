using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using CaseGenerator;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Fills a portal SQLite database with N realistic cases spread over the last 24 months, every stage,
// department and category, with real hash-chained ledgers. Usage:
//   dotnet run -c Release --project bench/CaseGenerator -- --count 100000 [--db path] [--seed 42] [--repeat-callers 0.08] [--actions N]
// --repeat-callers: the share of cases whose caller complained before (0 by default).
// --actions: improvement actions raised over the period (one per 200 cases by default), with their history and notices.
var count = IntArg("--count", 10_000);
var seed = IntArg("--seed", 42);
var dbPath = StringArg("--db", Path.Combine("ComplaintPortal.Web", "App_Data", "complaints.db"));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();

#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

var total = Stopwatch.StartNew();
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
PortalDatabase.ConfigureSqlite(options, connectionString);
options.UseIdentitySchema(); // the same Identity schema the portal uses
DeadlineBook book;
await using (var db = new SqlitePortalDbContext(options.Options))
{
    await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
    var years = await MainlandHolidays.EnterAsync(db, TimeProvider.System.GetUtcNow());
    Say(years.Count == 0 ? "Mainland holidays for 2024 and 2025 known already" : "Mainland holidays imported for " + string.Join(", ", years));
    var staff = await Staff.EnsureAsync(db, TimeProvider.System.GetUtcNow());
    Say(staff == 0 ? "Generated staff accounts there already" : $"{staff} staff accounts added (intake clerks, and each department's head and handlers)");
    // The seeded policies and calendars, read and compiled by the portal's own code.
    book = await DeadlineBook.LoadAsync(db);
}

// Leaving WAL for the load needs the only connection to the file: close the pooled one EF used.
SqliteConnection.ClearAllPools();
Say($"Database {dbPath} migrated and seeded in {total.Elapsed.TotalSeconds:F1} s");

await using var connection = new SqliteConnection(connectionString);
await connection.OpenAsync();
var reference = await ReferenceData.LoadAsync(connection);
var wallClock = TimeProvider.System.GetUtcNow();
var now = wallClock.AddTicks(-(wallClock.UtcTicks % TimeSpan.TicksPerSecond));
var factory = new CaseFactory(reference, new Random(seed), now, book)
{
    RepeatCallers = double.Parse(StringArg("--repeat-callers", "0"), CultureInfo.InvariantCulture),
};
var writer = await BulkWriter.OpenAsync(connection);
// Generation only, on a database nobody else uses meanwhile: a crash mid-load leaves it unusable.
var bulkLoad = await BulkLoadMode.EnterAsync(connection);

var generate = Stopwatch.StartNew();
var receivedTimes = factory.ReceivedTimes(count);
const int Batch = 10_000;
var building = new Stopwatch();
var committing = new Stopwatch();

// Two cores: one thread makes cases and hashes their ledgers, the other only inserts.
var pipe = Channel.CreateBounded<PreparedCase>(new BoundedChannelOptions(4 * Batch) { SingleReader = true, SingleWriter = true });
var producer = Task.Run(async () =>
{
    building.Start();
    for (var i = 0; i < count; i++)
    {
        await pipe.Writer.WriteAsync(writer.Prepare(factory.Create(i, receivedTimes[i], writer.NextNumber)));
    }

    building.Stop();
    pipe.Writer.Complete();
});

var written = 0;
while (written < count)
{
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    writer.Enlist(transaction);
    var end = Math.Min(count, written + Batch);
    for (var i = written; i < end; i++)
    {
        writer.Write(await pipe.Reader.ReadAsync());
    }

    writer.Flush();
    committing.Start();
    await transaction.CommitAsync();
    committing.Stop();
    written = end;
    if (written % 100_000 == 0 || written == count)
    {
        Say($"{written:N0} cases, {writer.Events:N0} ledger events, {writer.Tasks:N0} tasks, {writer.Deadlines:N0} deadlines — {generate.Elapsed.TotalSeconds:F1} s");
    }
}

await producer;
await writer.SaveCountersAsync();
var indexing = Stopwatch.StartNew();
await bulkLoad.LeaveAsync();
indexing.Stop();
generate.Stop();
Say($"Generated {count:N0} cases ({writer.Events:N0} ledger events, {writer.Tasks:N0} department tasks, {writer.Deadlines:N0} deadlines,"
    + $" {writer.Transitions:N0} deadline transitions, {writer.Notices:N0} notices, {writer.Reads:N0} read marks) in {generate.Elapsed.TotalSeconds:F1} s"
    + $" = {count / generate.Elapsed.TotalSeconds:N0} cases/s; total {total.Elapsed.TotalSeconds:F1} s");
Say($"  making and hashing cases (parallel to the inserts) {building.Elapsed.TotalSeconds:F1} s, commits {committing.Elapsed.TotalSeconds:F1} s, rebuilding indexes {indexing.Elapsed.TotalSeconds:F1} s");
Say($"Database file: {new FileInfo(dbPath).Length / 1024.0 / 1024.0:N0} MB");

// Read a sample back through the portal's own model and check each ledger chain and deadline.
await using (var db = new SqlitePortalDbContext(options.Options))
{
    await GeneratedDataCheck.RunAsync(db, count, now, Say);
}

// Improvement actions, through the portal's own service (a few hundred: no bulk path needed).
var actions = Stopwatch.StartNew();
await using (var db = new SqlitePortalDbContext(options.Options))
{
    var raised = await ImprovementActions.GenerateAsync(db, IntArg("--actions", Math.Max(1, count / 200)), now, new Random(seed + 1));
    Say($"{raised:N0} improvement actions raised, reported and verified through the portal's service in {actions.Elapsed.TotalSeconds:F1} s");
}

int IntArg(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string StringArg(string name, string fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

static void Say(string message) => Console.WriteLine(message.ToString(CultureInfo.InvariantCulture));
