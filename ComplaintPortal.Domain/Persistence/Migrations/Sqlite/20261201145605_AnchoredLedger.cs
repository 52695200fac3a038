using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnchoredLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "LedgerEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LedgerEventCount",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LedgerHeadHash",
                table: "Complaints",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            // Existing events take their global positions in id order and each case gets its head; the
            // append-only trigger steps aside for this one update and comes back at once.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LedgerEvents_NoUpdate;");
            migrationBuilder.Sql("""
                UPDATE LedgerEvents SET Position = r.rn
                FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS rn FROM LedgerEvents) AS r
                WHERE LedgerEvents.Id = r.Id;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LedgerEvents_NoUpdate BEFORE UPDATE ON LedgerEvents
                BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
                """);
            migrationBuilder.Sql("""
                UPDATE Complaints SET
                    LedgerEventCount = COALESCE((SELECT MAX(e.Sequence) FROM LedgerEvents e WHERE e.ComplaintId = Complaints.Id), 0),
                    LedgerHeadHash = (SELECT e.Hash FROM LedgerEvents e WHERE e.ComplaintId = Complaints.Id ORDER BY e.Sequence DESC LIMIT 1);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEvents_Position",
                table: "LedgerEvents",
                column: "Position",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEvents_Position",
                table: "LedgerEvents");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "LedgerEvents");

            // SQLite drops a column by rebuilding the table, which takes its triggers with it.
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS LedgerEvents_NoUpdate BEFORE UPDATE ON LedgerEvents
                BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS LedgerEvents_NoDelete BEFORE DELETE ON LedgerEvents
                BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
                """);

            migrationBuilder.DropColumn(
                name: "LedgerEventCount",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LedgerHeadHash",
                table: "Complaints");
        }
    }
}
