using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticesAboutSampleDraws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications");

            migrationBuilder.AddColumn<int>(
                name: "SampleDrawId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SampleDrawId",
                table: "Notifications",
                column: "SampleDrawId",
                filter: "SampleDrawId IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications",
                sql: "(ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NOT NULL AND SampleDrawId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_SampleDraws_SampleDrawId",
                table: "Notifications",
                column: "SampleDrawId",
                principalTable: "SampleDraws",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_SampleDraws_SampleDrawId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SampleDrawId",
                table: "Notifications");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SampleDrawId",
                table: "Notifications");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications",
                sql: "(ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL AND ImprovementActionId IS NULL) OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NOT NULL)");
        }
    }
}
