using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BoardKeysOnCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BoardDueAt",
                table: "Complaints",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BoardGroup",
                table: "Complaints",
                type: "int",
                nullable: true);

            // Open cases' board group and due instant from their stage and kept next deadline, before the index is built.
            migrationBuilder.Sql(ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeCasesSql);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_BoardGroup_BoardDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "BoardGroup", "BoardDueAt", "NextDueSoonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_BoardGroup_BoardDueAt_NextDueSoonAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "BoardDueAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "BoardGroup",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt",
                table: "Complaints",
                columns: new[] { "Stage", "ArchivedAt", "NextDueAt", "NextDueSoonAt" });
        }
    }
}
