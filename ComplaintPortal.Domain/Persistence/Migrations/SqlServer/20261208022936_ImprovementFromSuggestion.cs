using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ImprovementFromSuggestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceComplaintId",
                table: "ImprovementActions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_SourceComplaintId",
                table: "ImprovementActions",
                column: "SourceComplaintId");

            migrationBuilder.AddForeignKey(
                name: "FK_ImprovementActions_Complaints_SourceComplaintId",
                table: "ImprovementActions",
                column: "SourceComplaintId",
                principalTable: "Complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ImprovementActions_Complaints_SourceComplaintId",
                table: "ImprovementActions");

            migrationBuilder.DropIndex(
                name: "IX_ImprovementActions_SourceComplaintId",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "SourceComplaintId",
                table: "ImprovementActions");
        }
    }
}
