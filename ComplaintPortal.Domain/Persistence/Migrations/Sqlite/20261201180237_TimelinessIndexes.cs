using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelinessIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt_Stage_ClosedAt_PausedAt_CaseNumber",
                table: "Complaints",
                columns: new[] { "ReceivedAt", "Stage", "ClosedAt", "PausedAt", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_DueAt",
                table: "CaseDeadlines",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReceivedAt_Stage_ClosedAt_PausedAt_CaseNumber",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_DueAt",
                table: "CaseDeadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt");
        }
    }
}
