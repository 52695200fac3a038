using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LeadershipQueueCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "ClosedAt", "IsEscalated", "Stage", "NextDueAt", "NextDueSoonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "ClosedAt" });
        }
    }
}
