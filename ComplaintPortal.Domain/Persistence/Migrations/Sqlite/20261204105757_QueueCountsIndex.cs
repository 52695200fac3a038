using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
