using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BoardQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_ComplaintId",
                table: "DepartmentTasks");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks",
                columns: new[] { "ComplaintId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_ComplaintId_MetAt_DueAt_DueSoonAt",
                table: "CaseDeadlines",
                columns: new[] { "ComplaintId", "MetAt", "DueAt", "DueSoonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_ComplaintId_MetAt_DueAt_DueSoonAt",
                table: "CaseDeadlines");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_ComplaintId",
                table: "DepartmentTasks",
                column: "ComplaintId");
        }
    }
}
