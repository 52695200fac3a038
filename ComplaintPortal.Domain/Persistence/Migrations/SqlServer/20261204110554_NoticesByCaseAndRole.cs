using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NoticesByCaseAndRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ComplaintId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ComplaintId_RecipientRole_RecipientDepartmentId",
                table: "Notifications",
                columns: new[] { "ComplaintId", "RecipientRole", "RecipientDepartmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ComplaintId_RecipientRole_RecipientDepartmentId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ComplaintId",
                table: "Notifications",
                column: "ComplaintId");
        }
    }
}
