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
        "LedgerEventCount", "LedgerHeadHash",
    ];

    private static readonly string[] TaskColumns =
    [
        "ComplaintId", "DepartmentId", "OwnerName", "AssignedAt", "Deadline", "Status", "Findings", "RootCause", "SolutionMeasures", "Feedback", "ReportedAt",
    ];

    private static readonly string[] EventColumns =
    [
        "ComplaintId", "Sequence", "OccurredAt", "ActorUserId", "ActorName", "DepartmentId", "Action", "FromStage", "ToStage", "Note", "PreviousHash", "Hash", "Position",
    ];

    /// <summary>Ledger rows per INSERT: most rows are ledger events, and one statement per row costs more than the row.</summary>
    private const int EventBlockRows = 32;

    private static readonly string[] NotificationColumns = ["RecipientRole", "RecipientDepartmentId", "ComplaintId", "Kind", "Text", "CreatedAt"];

    private readonly SqliteConnection connection;
    private readonly Dictionary<int, int> counters;
    private readonly SqliteCommand complaints;
    private readonly SqliteCommand tasks;
    private readonly SqliteCommand events;
    private readonly SqliteCommand eventBlock;
    private readonly List<object?[]> pendingEvents = [];
    private readonly SqliteCommand notifications;
    private int nextId;
    private long lastPosition;

    private BulkWriter(SqliteConnection connection, Dictionary<int, int> counters, int nextId, long lastPosition)
    {
        this.connection = connection;
        this.counters = counters;
        this.nextId = nextId;
        this.lastPosition = lastPosition;
        complaints = Insert("Complaints", ComplaintColumns);
        tasks = Insert("DepartmentTasks", TaskColumns);
        events = Insert("LedgerEvents", EventColumns);
        eventBlock = Insert("LedgerEvents", EventColumns, EventBlockRows);
        notifications = Insert("Notifications", NotificationColumns);
    }

    public long Events { get; private set; }

    public long Tasks { get; private set; }

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
        return new BulkWriter(connection, counters, last + 1, lastPosition);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in new[] { complaints, tasks, events, eventBlock, notifications })
        {
            command.Transaction = transaction;
            command.Prepare();
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
            id, c.CaseNumber, Instant.ConvertToProvider(c.ReceivedAt), c.Channel.ToString(), c.Description, c.Request, true, "gen-clerk",
            "客服 值班员", Instant.ConvertToProvider(c.ReceivedAt.AddMinutes(3)), c.Stage.ToString(), c.Events.Count, c.CategoryId, c.Severity?.ToString(),
            c.Urgency?.ToString(), c.Priority.ToString(), Stored(c.AcknowledgedAt), Stored(c.PromisedAt), c.IsEscalated, Stored(c.EscalatedAt),
            c.PausedFrom?.ToString(), Stored(c.PausedAt), c.IsDuplicate && id > 1 ? id - 1 : null, c.ReplyChannel?.ToString(), c.ReplyText,
            Stored(c.RepliedAt), c.SatisfiedWithResult, c.SatisfiedWithAttitude, c.ReopenCount, c.ClosureReason, Stored(c.ClosedAt), c.Group,
            c.Email, c.Name, c.Phone, c.Batch, c.Facility, c.Location, c.OrderNumber, c.ProductModel,
            sequence, sequence == 0 ? null : previous,
        };
        var taskRows = c.Tasks.Select(t => new object?[]
        {
            id, t.DepartmentId, t.OwnerName, Stored(t.AssignedAt), Stored(t.Deadline), t.Status.ToString(), t.Findings, t.RootCause, t.Measures, t.Feedback, Stored(t.ReportedAt),
        }).ToList();
        var notification = c.IsEscalated ? new object?[] { "Leadership", null, id, "Escalated", c.CaseNumber + ": urgent + serious", Stored(c.EscalatedAt) } : null;
        return new PreparedCase(complaint, taskRows, eventRows, notification);
    }

    /// <summary>Inserts one prepared case on the writing thread, inside the caller's transaction.</summary>
    public void Write(PreparedCase c)
    {
        Set(complaints, c.Complaint);
        complaints.ExecuteNonQuery();
        foreach (var row in c.Tasks)
        {
            Set(tasks, row);
            tasks.ExecuteNonQuery();
            Tasks++;
        }

        foreach (var row in c.Events)
        {
            pendingEvents.Add(row);
            Events++;
            if (pendingEvents.Count == EventBlockRows)
            {
                var i = 0;
                foreach (var value in pendingEvents.SelectMany(r => r))
                {
                    eventBlock.Parameters[i++].Value = value ?? DBNull.Value;
                }

                eventBlock.ExecuteNonQuery();
                pendingEvents.Clear();
            }
        }

        if (c.Notification is not null)
        {
            Set(notifications, c.Notification);
            notifications.ExecuteNonQuery();
        }
    }

    /// <summary>Writes ledger rows still waiting for a full block; call before each commit.</summary>
    public void Flush()
    {
        foreach (var row in pendingEvents)
        {
            Set(events, row);
            events.ExecuteNonQuery();
        }

        pendingEvents.Clear();
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

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private SqliteCommand Insert(string table, string[] columns, int rows = 1)
    {
        var command = connection.CreateCommand();
        var values = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", columns.Select((_, c) => "$p" + (r * columns.Length + c).ToString(CultureInfo.InvariantCulture))) + ")");
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows * columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }
}

internal sealed record PreparedCase(object?[] Complaint, List<object?[]> Tasks, List<object?[]> Events, object?[]? Notification);
