using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImprovementNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications");

            migrationBuilder.AddColumn<int>(
                name: "ImprovementActionId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueNoticeAt",
                table: "ImprovementActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StepAt",
                table: "ImprovementActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // The actions raised before keep the earliest instant as their last step: they have no notices yet, and every
            // notice about them comes after it. (No data update here: on SQLite it would run amid the Notifications rebuild.)

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ImprovementActionId",
                table: "Notifications",
                column: "ImprovementActionId",
                filter: "ImprovementActionId IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications",
                sql: "(ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL AND ImprovementActionId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_ImprovementActions_ImprovementActionId",
                table: "Notifications",
                column: "ImprovementActionId",
                principalTable: "ImprovementActions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_ImprovementActions_ImprovementActionId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ImprovementActionId",
                table: "Notifications");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ImprovementActionId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OverdueNoticeAt",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "StepAt",
                table: "ImprovementActions");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications",
                sql: "(ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL) OR (ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL)");
        }
    }
}
