using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Ledger;

/// <summary>
/// What an insider with write access to the database file can do: drop the append-only triggers, then
/// edit, delete and re-hash rows and move the case's head to match.
/// </summary>
internal sealed class LedgerInsider(TestDatabase database)
{
    public async Task DropTriggersAsync()
    {
        foreach (var trigger in LedgerTriggers.SqliteTriggerNames)
        {
            await ExecuteAsync($"DROP TRIGGER IF EXISTS {trigger}");
        }
    }

    /// <summary>Rewrites one note and recomputes every following hash of the case, and its head, so the chain holds.</summary>
    public async Task RewriteAsync(int complaintId, int sequence, string note)
    {
        await using var db = database.CreateContext();
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Sequence).ToListAsync();
        var previous = events.Single(e => e.Sequence == sequence).PreviousHash;
        foreach (var e in events.Where(e => e.Sequence >= sequence))
        {
            var forged = new LedgerEvent(e.ComplaintId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorName, e.DepartmentId, e.Action,
                e.FromStage, e.ToStage, e.Sequence == sequence ? note : e.Note, previous);
            await ExecuteAsync("UPDATE LedgerEvents SET Note = $note, PreviousHash = $previous, Hash = $hash WHERE Id = $id",
                ("$note", forged.Note), ("$previous", previous), ("$hash", forged.Hash), ("$id", e.Id));
            previous = forged.Hash;
        }

        await ExecuteAsync("UPDATE Complaints SET LedgerHeadHash = $hash WHERE Id = $id", ("$hash", previous), ("$id", complaintId));
    }

    /// <summary>Deletes the case's last event; with <paramref name="moveHead"/> the head is wound back to match.</summary>
    public async Task CutLastEventAsync(int complaintId, bool moveHead)
    {
        await using var db = database.CreateContext();
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Sequence).ToListAsync();
        await DeleteAsync(events[^1].Id);
        if (moveHead)
        {
            await ExecuteAsync("UPDATE Complaints SET LedgerEventCount = $count, LedgerHeadHash = $hash WHERE Id = $id",
                ("$count", events.Count - 1), ("$hash", events[^2].Hash), ("$id", complaintId));
        }
    }

    public async Task DeleteAsync(long eventId) => await ExecuteAsync("DELETE FROM LedgerEvents WHERE Id = $id", ("$id", eventId));

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
