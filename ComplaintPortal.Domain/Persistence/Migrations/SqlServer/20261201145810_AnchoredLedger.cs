using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AnchoredLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "LedgerEvents",
                type: "nvarchar(max)",
                maxLength: 10000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "LedgerEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LedgerEventCount",
                table: "Complaints",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LedgerHeadHash",
                table: "Complaints",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            // Existing events take their global positions in id order and each case gets its head; the
            // append-only trigger steps aside for this one update and comes back at once.
            migrationBuilder.Sql("DISABLE TRIGGER [dbo].[LedgerEvents_AppendOnly] ON [dbo].[LedgerEvents];");
            migrationBuilder.Sql("""
                WITH r AS (SELECT Position, ROW_NUMBER() OVER (ORDER BY Id) AS rn FROM [dbo].[LedgerEvents])
                UPDATE r SET Position = rn;
                """);
            migrationBuilder.Sql("ENABLE TRIGGER [dbo].[LedgerEvents_AppendOnly] ON [dbo].[LedgerEvents];");
            migrationBuilder.Sql("""
                UPDATE c SET
                    LedgerEventCount = COALESCE((SELECT MAX(e.Sequence) FROM [dbo].[LedgerEvents] e WHERE e.ComplaintId = c.Id), 0),
                    LedgerHeadHash = (SELECT TOP 1 e.Hash FROM [dbo].[LedgerEvents] e WHERE e.ComplaintId = c.Id ORDER BY e.Sequence DESC)
                FROM [dbo].[Complaints] c;
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

            migrationBuilder.DropColumn(
                name: "LedgerEventCount",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LedgerHeadHash",
                table: "Complaints");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "LedgerEvents",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 10000,
                oldNullable: true);
        }
    }
}
