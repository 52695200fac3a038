using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NextDeadlineOnCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextDueAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextDueSoonAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            // The next deadline of every case with one running, before the index is built.
            migrationBuilder.Sql(ComplaintPortal.Domain.Deadlines.NextDeadlineKeeper.RecomputeSqlite);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "Stage", "ArchivedAt", "NextDueAt", "NextDueSoonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "NextDueAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "NextDueSoonAt",
                table: "Complaints");
        }
    }
}
