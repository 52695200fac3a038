using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NoticesAboutArchiveRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand around the generated AlterColumn: SQL Server refuses to alter a column that an index or a foreign
            // key depends on, and EF rebuilds the indexes only when a column is narrowed. The indexes and key come back as they were.
            WithoutComplaintDependents(migrationBuilder, () => migrationBuilder.AlterColumn<int>(
                name: "ComplaintId",
                table: "Notifications",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int"));

            migrationBuilder.AddColumn<int>(
                name: "ArchiveRequestId",
                table: "Notifications",
                type: "int",
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

            WithoutComplaintDependents(migrationBuilder, () => migrationBuilder.AlterColumn<int>(
                name: "ComplaintId",
                table: "Notifications",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true));
        }

        private static void WithoutComplaintDependents(MigrationBuilder migrationBuilder, Action alter)
        {
            migrationBuilder.DropForeignKey(name: "FK_Notifications_Complaints_ComplaintId", table: "Notifications");
            migrationBuilder.DropIndex(name: "IX_Notifications_ComplaintId_RecipientRole_RecipientDepartmentId", table: "Notifications");
            migrationBuilder.DropIndex(name: "IX_Notifications_RecipientUserId_CreatedAt_ComplaintId", table: "Notifications");
            alter();
            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ComplaintId_RecipientRole_RecipientDepartmentId",
                table: "Notifications",
                columns: new[] { "ComplaintId", "RecipientRole", "RecipientDepartmentId" });
            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_CreatedAt_ComplaintId",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "CreatedAt", "ComplaintId" });
            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Complaints_ComplaintId",
                table: "Notifications",
                column: "ComplaintId",
                principalTable: "Complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
