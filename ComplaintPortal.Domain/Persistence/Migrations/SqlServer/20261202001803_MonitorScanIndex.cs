using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MonitorScanIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_MetAt_DueSoonAt",
                table: "CaseDeadlines");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_MetAt_DueSoonAt_ComplaintId_DueAt",
                table: "CaseDeadlines",
                columns: new[] { "MetAt", "DueSoonAt", "ComplaintId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_MetAt_DueSoonAt_ComplaintId_DueAt",
                table: "CaseDeadlines");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_MetAt_DueSoonAt",
                table: "CaseDeadlines",
                columns: new[] { "MetAt", "DueSoonAt" });
        }
    }
}
