using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticesAboutArchiveRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ComplaintId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "ArchiveRequestId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications",
                column: "ArchiveRequestId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications",
                sql: "(ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL) OR (ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_ArchiveAccessRequests_ArchiveRequestId",
                table: "Notifications",
                column: "ArchiveRequestId",
                principalTable: "ArchiveAccessRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_ArchiveAccessRequests_ArchiveRequestId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Notifications_Subject",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ArchiveRequestId",
                table: "Notifications");

            migrationBuilder.AlterColumn<int>(
                name: "ComplaintId",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
