using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BoardKeysOnTask : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks");

            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_ComplaintId",
                table: "DepartmentTasks");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BoardDueAt",
                table: "DepartmentTasks",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BoardDueSoonAt",
                table: "DepartmentTasks",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BoardGroup",
                table: "DepartmentTasks",
                type: "int",
                nullable: true);

            // Each open case's board keys copied to its tasks with the flag, before the indexes are built.
            migrationBuilder.Sql(ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeTaskKeysSql);

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks",
                columns: new[] { "ComplaintId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_BoardGroup_BoardDueAt_ComplaintId_BoardDueSoonAt",
                table: "DepartmentTasks",
                columns: new[] { "DepartmentId", "CaseOpen", "BoardGroup", "BoardDueAt", "ComplaintId", "BoardDueSoonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks");

            migrationBuilder.DropIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_BoardGroup_BoardDueAt_ComplaintId_BoardDueSoonAt",
                table: "DepartmentTasks");

            migrationBuilder.DropColumn(
                name: "BoardDueAt",
                table: "DepartmentTasks");

            migrationBuilder.DropColumn(
                name: "BoardDueSoonAt",
                table: "DepartmentTasks");

            migrationBuilder.DropColumn(
                name: "BoardGroup",
                table: "DepartmentTasks");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_ComplaintId_DepartmentId",
                table: "DepartmentTasks",
                columns: new[] { "ComplaintId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentTasks_DepartmentId_CaseOpen_ComplaintId",
                table: "DepartmentTasks",
                columns: new[] { "DepartmentId", "CaseOpen", "ComplaintId" });
        }
    }
}
