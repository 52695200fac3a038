using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseOpenOnTask : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CaseOpen",
                table: "DepartmentTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // The flag of existing tasks from their cases' stages, before the index is built.
            migrationBuilder.Sql(ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeTasksSql);

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_ComplaintId",
                table: "DepartmentTasks",
                columns: new[] { "DepartmentId", "CaseOpen", "ComplaintId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_ComplaintId",
                table: "DepartmentTasks");

            migrationBuilder.DropColumn(
                name: "CaseOpen",
                table: "DepartmentTasks");
        }
    }
}
