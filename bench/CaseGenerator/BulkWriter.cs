using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseGenerator;

/// <summary>
/// Raw, prepared inserts in the portal's schema (no change tracking): one command per table, parameters
/// reused for every row, committed in batches by the caller. Instants are stored exactly as the portal's
/// SQLite context stores them, and ledger hashes come from the domain's own <see cref="LedgerEvent"/>.
/// </summary>
internal sealed class BulkWriter
{
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();

    private static readonly string[] ComplaintColumns =
    [
        "Id", "CaseNumber", "ReceivedAt", "Channel", "Description", "CustomerRequest", "ConfirmedWithCaller", "RecordedByUserId",
        "RecordedByName", "RecordedAt", "Stage", "Version", "CategoryId", "Severity", "Urgency", "Priority", "AcknowledgedAt",
        "PromisedCompletionAt", "IsEscalated", "EscalatedAt", "PausedFromStage", "PausedAt", "DuplicateOfId", "ReplyChannel", "ReplyText",
        "RepliedAt", "SatisfiedWithResult", "SatisfiedWithAttitude", "ReopenCount", "ClosureReason", "ClosedAt", "CustomerGroup",
        "ComplainantEmail", "ComplainantName", "ComplainantPhone", "Batch", "Facility", "Location", "OrderNumber", "ProductModel",
        "PhoneKey", "EmailKey", "LedgerEventCount", "LedgerHeadHash",
    ];

    private static readonly string[] TaskColumns =
    [
        "Id", "ComplaintId", "DepartmentId", "OwnerUserId", "OwnerName", "AssignedAt", "Deadline", "Status", "Findings", "RootCause", "SolutionMeasures", "Feedback", "ReportedAt",
        "SolutionTypeCode", "CauseCategoryCode",
    ];

    private static readonly string[] EventColumns =
    [
        "ComplaintId", "Sequence", "OccurredAt", "ActorUserId", "ActorName", "DepartmentId", "Action", "FromStage", "ToStage", "Note", "PreviousHash", "Hash", "Position",
    ];

    private static readonly string[] DeadlineColumns =
    [
        "Id", "ComplaintId", "DepartmentTaskId", "Kind", "PolicyId", "CalendarCode", "StartedAt", "DueAt", "DueSoonAt", "PausedWorkingTime", "MetAt",
        "IsProvisional", "TargetAmount", "TargetUnit", "TargetCounting",
    ];

    private static readonly string[] TransitionColumns = ["CaseDeadlineId", "ComplaintId", "Level", "DueAt", "RecordedAt"];

    private static readonly string[] ReadColumns = ["NotificationId", "UserId", "ReadAt"];

    private static readonly string[] NotificationColumns = ["Id", "RecipientRole", "RecipientDepartmentId", "RecipientUserId", "ComplaintId", "Kind", "Text", "CreatedAt"];

    private readonly SqliteConnection connection;
    private readonly Dictionary<int, int> counters;
    private readonly BlockInsert complaints;
    private readonly BlockInsert tasks;
    private readonly BlockInsert events;
    private readonly BlockInsert deadlines;
    private readonly BlockInsert transitions;
    private readonly BlockInsert notifications;
    private readonly BlockInsert reads;
    private int nextId;
    private int nextNoticeId;
    private int nextTaskId;
    private int nextDeadlineId;
    private long lastPosition;

    private BulkWriter(SqliteConnection connection, Dictionary<int, int> counters, int nextId, int nextTaskId, int nextDeadlineId, int nextNoticeId,
        long lastPosition)
    {
        this.nextNoticeId = nextNoticeId;
        this.connection = connection;
        this.counters = counters;
        this.nextId = nextId;
        this.nextTaskId = nextTaskId;
        this.nextDeadlineId = nextDeadlineId;
        this.lastPosition = lastPosition;
        complaints = new BlockInsert(connection, "Complaints", ComplaintColumns, 16);
        tasks = new BlockInsert(connection, "DepartmentTasks", TaskColumns, 32);
        events = new BlockInsert(connection, "LedgerEvents", EventColumns, 32);
        deadlines = new BlockInsert(connection, "CaseDeadlines", DeadlineColumns, 32);
        transitions = new BlockInsert(connection, "DeadlineTransitions", TransitionColumns, 32);
        notifications = new BlockInsert(connection, "Notifications", NotificationColumns, 32);
        reads = new BlockInsert(connection, "NotificationReads", ReadColumns, 64);
    }

    private IEnumerable<BlockInsert> All => [complaints, tasks, events, deadlines, transitions, notifications, reads];

    public long Events => events.Rows;

    public long Tasks => tasks.Rows;

    public long Deadlines => deadlines.Rows;

    public long Transitions => transitions.Rows;

    public long Notices => notifications.Rows;

    public long Reads => reads.Rows;

    /// <summary>Draws the next never-used number of a year (continuing the portal's own counter).</summary>
    public Func<int, string> NextNumber => year =>
    {
        var sequence = counters.GetValueOrDefault(year) + 1;
        counters[year] = sequence;
        return CaseNumber.Format(CaseNumber.DefaultPrefix, year, sequence);
    };

    public static async Task<BulkWriter> OpenAsync(SqliteConnection connection)
    {
        var counters = new Dictionary<int, int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Year, LastSequence FROM CaseNumberCounters";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counters[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        await using var max = connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Complaints";
        var last = Convert.ToInt32(await max.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        // Ledger positions continue the portal's gap-free global sequence (cases are written in prepared order).
        await using var position = connection.CreateCommand();
        position.CommandText = "SELECT COALESCE(MAX(Position), 0) FROM LedgerEvents";
        var lastPosition = Convert.ToInt64(await position.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return new BulkWriter(connection, counters, last + 1, await MaxIdAsync(connection, "DepartmentTasks") + 1,
            await MaxIdAsync(connection, "CaseDeadlines") + 1, await MaxIdAsync(connection, "Notifications") + 1, lastPosition);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var table in All)
        {
            table.Enlist(transaction);
        }
    }

    /// <summary>
    /// Everything that does not touch the database: the row values and the ledger hashes. Runs on the
    /// producer thread, so hashing overlaps with the inserts on the other core.
    /// </summary>
    public PreparedCase Prepare(GeneratedCase c)
    {
        var id = nextId++;
        var eventRows = new List<object?[]>(c.Events.Count);
        var previous = LedgerEvent.GenesisHash;
        var sequence = 0;
        foreach (var e in c.Events)
        {
            var ledger = new LedgerEvent(id, ++sequence, e.At, e.ActorId, e.ActorName, e.DepartmentId, e.Action, e.From, e.To, e.Note, previous);
            eventRows.Add([id, ledger.Sequence, Stored(ledger.OccurredAt), ledger.ActorUserId, ledger.ActorName, ledger.DepartmentId, ledger.Action,
                ledger.FromStage, ledger.ToStage, ledger.Note, ledger.PreviousHash, ledger.Hash, ++lastPosition]);
            previous = ledger.Hash;
        }

        var complaint = new object?[]
        {
            id, c.CaseNumber, Instant.ConvertToProvider(c.ReceivedAt), c.Channel.ToString(), c.Description, c.Request, true, c.Clerk.Id,
            c.Clerk.Name, Instant.ConvertToProvider(c.ReceivedAt.AddMinutes(3)), c.Stage.ToString(), c.Events.Count, c.CategoryId, c.Severity?.ToString(),
            c.Urgency?.ToString(), c.Priority.ToString(), Stored(c.AcknowledgedAt), Stored(c.PromisedAt), c.IsEscalated, Stored(c.EscalatedAt),
            c.PausedFrom?.ToString(), Stored(c.PausedAt), c.IsDuplicate && id > 1 ? id - 1 : null, c.ReplyChannel?.ToString(), c.ReplyText,
            Stored(c.RepliedAt), c.SatisfiedWithResult, c.SatisfiedWithAttitude, c.ReopenCount, c.ClosureReason, Stored(c.ClosedAt), c.Group,
            c.Email, c.Name, c.Phone, c.Batch, c.Facility, c.Location, c.OrderNumber, c.ProductModel,
            ContactForms.PhoneKey(c.Phone), ContactForms.EmailKey(c.Email), sequence, sequence == 0 ? null : previous,
        };
        var taskRows = c.Tasks.Select(t => new object?[]
        {
            t.Id = nextTaskId++, id, t.DepartmentId, t.Owner?.Id, t.OwnerName, Stored(t.AssignedAt), Stored(t.Deadline), t.Status.ToString(), t.Findings, t.RootCause,
            t.Measures, t.Feedback, Stored(t.ReportedAt), t.SolutionTypeCode, t.CauseCategoryCode,
        }).ToList();
        var deadlineRows = c.Deadlines.Select(d => new object?[]
        {
            d.Id = nextDeadlineId++, id, d.Task?.Id, d.Kind.ToString(), d.PolicyId, d.CalendarCode, Stored(d.StartedAt), Stored(d.DueAt), Stored(d.DueSoonAt),
            d.PausedWorkingTime.Ticks, Stored(d.MetAt), d.IsProvisional, d.Target.Amount, d.Target.Unit.ToString(), d.Target.Counting.ToString(),
        }).ToList();
        var transitionRows = c.Transitions.Select(t => new object?[] { t.Deadline.Id, id, t.Level.ToString(), Stored(t.DueAt), Stored(t.RecordedAt) }).ToList();
        var noticeRows = c.Notices.Select(n => new object?[] { n.Id = nextNoticeId++, n.Role, n.DepartmentId, n.UserId, id, n.Kind, n.Text, Stored(n.CreatedAt) }).ToList();
        var readRows = c.Notices.SelectMany(n => n.Reads.Select(r => new object?[] { n.Id, r.UserId, Stored(r.At) })).ToList();
        return new PreparedCase(complaint, [.. taskRows, .. deadlineRows, .. transitionRows, .. eventRows, .. noticeRows, .. readRows],
            taskRows.Count, deadlineRows.Count, transitionRows.Count, eventRows.Count, noticeRows.Count);
    }

    /// <summary>Inserts one prepared case on the writing thread, inside the caller's transaction (parents before children).</summary>
    public void Write(PreparedCase c)
    {
        complaints.Add(c.Complaint);
        var i = 0;
        foreach (var (table, count) in new[] { (tasks, c.TaskRows), (deadlines, c.DeadlineRows), (transitions, c.TransitionRows), (events, c.EventRows) })
        {
            for (var end = i + count; i < end; i++)
            {
                table.Add(c.Rows[i]);
            }
        }

        for (var end = i + c.NoticeRows; i < end; i++)
        {
            notifications.Add(c.Rows[i]);
        }

        for (; i < c.Rows.Count; i++)
        {
            reads.Add(c.Rows[i]);
        }
    }

    /// <summary>Writes rows still waiting for a full block, parents first; call before each commit.</summary>
    public void Flush()
    {
        foreach (var table in All)
        {
            table.Flush();
        }
    }

    public async Task SaveCountersAsync()
    {
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO CaseNumberCounters (Year, LastSequence) VALUES ($y, $s) ON CONFLICT(Year) DO UPDATE SET LastSequence = excluded.LastSequence";
        var year = upsert.Parameters.Add("$y", SqliteType.Integer);
        var sequence = upsert.Parameters.Add("$s", SqliteType.Integer);
        foreach (var (y, s) in counters)
        {
            (year.Value, sequence.Value) = (y, s);
            await upsert.ExecuteNonQueryAsync();
        }
    }

    private static object? Stored(DateTimeOffset? instant) => instant is { } value ? Instant.ConvertToProvider(value) : null;

    private static async Task<int> MaxIdAsync(SqliteConnection connection, string table)
    {
        await using var max = connection.CreateCommand();
        max.CommandText = $"SELECT COALESCE(MAX(Id), 0) FROM {table}";
        return Convert.ToInt32(await max.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>One case's rows: the complaint, then its tasks, deadlines, transitions, ledger events, notices and read marks in that order.</summary>
internal sealed record PreparedCase(object?[] Complaint, List<object?[]> Rows, int TaskRows, int DeadlineRows, int TransitionRows, int EventRows,
    int NoticeRows);
