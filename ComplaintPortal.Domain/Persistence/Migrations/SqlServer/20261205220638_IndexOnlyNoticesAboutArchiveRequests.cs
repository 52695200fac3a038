using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndexOnlyNoticesAboutArchiveRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications",
                column: "ArchiveRequestId",
                filter: "ArchiveRequestId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ArchiveRequestId",
                table: "Notifications",
                column: "ArchiveRequestId");
        }
    }
}
