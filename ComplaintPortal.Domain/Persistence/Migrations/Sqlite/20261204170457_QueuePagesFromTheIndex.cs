using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueuePagesFromTheIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt_Priority_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "ClosedAt", "IsEscalated", "Stage", "NextDueAt", "NextDueSoonAt", "Priority", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt_Priority_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Stage", "ArchivedAt", "NextDueAt", "NextDueSoonAt", "Priority", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt_Priority_ReceivedAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt_Priority_ReceivedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "ClosedAt", "IsEscalated", "Stage", "NextDueAt", "NextDueSoonAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "Stage", "ArchivedAt", "NextDueAt", "NextDueSoonAt" });
        }
    }
}
