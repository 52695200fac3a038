using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Ledger;

public sealed class LedgerTests : CaseDatabaseTest
{
    [Fact]
    public async Task Each_event_links_to_the_previous_one_of_its_case()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.Closed)).Id;
        await Driver.CaseInStageAsync(CaseStage.Assessed);
        await using var db = Database.CreateContext();
        var events = await db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync();

        Assert.Equal(LedgerEvent.GenesisHash, events[0].PreviousHash);
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal(LedgerVerification.Intact(events.Count), LedgerVerifier.Verify(events));
    }

    [Fact]
    public async Task Times_finer_than_the_database_keeps_still_verify()
    {
        Driver.Time.Set(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var id = (await Driver.RegisterAsync()).Id;
        Driver.Time.Advance(TimeSpan.FromTicks(987_654_321));
        await Driver.AssessAsync(id);

        await using var db = Database.CreateContext();
        Assert.True((await LedgerVerifier.VerifyCaseAsync(db, id)).IsIntact);
    }

    [Fact]
    public async Task The_application_cannot_change_or_delete_an_event()
    {
        var id = (await Driver.RegisterAsync()).Id;
        await using var db = Database.CreateContext();
        var e = await db.LedgerEvents.SingleAsync(x => x.ComplaintId == id);

        db.Entry(e).Property(x => x.Note).CurrentValue = "edited";
        await Assert.ThrowsAsync<LedgerAppendOnlyException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.LedgerEvents.Remove(e);
        await Assert.ThrowsAsync<LedgerAppendOnlyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_database_refuses_updates_and_deletes_behind_the_application()
    {
        var id = (await Driver.RegisterAsync()).Id;
        await using var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();

        var update = Assert.Throws<SqliteException>(() => Execute(connection, $"UPDATE LedgerEvents SET Note = 'x' WHERE ComplaintId = {id}"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => Execute(connection, $"DELETE FROM LedgerEvents WHERE ComplaintId = {id}"));
    }

    [Fact]
    public async Task Verification_names_the_event_an_attacker_edited_in_the_file()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.UnderReview)).Id;
        long targetId;
        await using (var db = Database.CreateContext())
        {
            targetId = await db.LedgerEvents.Where(e => e.ComplaintId == id && e.Sequence == 4).Select(e => e.Id).SingleAsync();
        }

        // An attacker with the file: drop the trigger, rewrite one note, keep everything else.
        await using (var connection = new SqliteConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            Execute(connection, "DROP TRIGGER LedgerEvents_NoUpdate");
            Execute(connection, $"UPDATE LedgerEvents SET Note = '客户已满意' WHERE Id = {targetId}");
        }

        await using var check = Database.CreateContext();
        var result = await LedgerVerifier.VerifyCaseAsync(check, id);

        Assert.False(result.IsIntact);
        Assert.Equal(targetId, result.BrokenEventId);
        Assert.Equal(4, result.BrokenSequence);
        Assert.Equal(LedgerBreak.ContentChanged, result.Break);
    }

    [Fact]
    public async Task Verification_notices_a_removed_event()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.Acknowledged)).Id;
        await using (var connection = new SqliteConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            Execute(connection, "DROP TRIGGER LedgerEvents_NoDelete");
            Execute(connection, $"DELETE FROM LedgerEvents WHERE ComplaintId = {id} AND Sequence = 2");
        }

        await using var check = Database.CreateContext();
        var result = await LedgerVerifier.VerifyCaseAsync(check, id);

        Assert.Equal((false, 3, LedgerBreak.SequenceGap), (result.IsIntact, result.BrokenSequence, result.Break));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
