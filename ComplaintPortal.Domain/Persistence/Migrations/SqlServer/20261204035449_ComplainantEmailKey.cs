using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplainantEmailKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Complaints",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // Cases registered before the key existed get it here (lower case, as ContactForms.EmailKey makes it; addresses are ASCII).
            migrationBuilder.Sql(
                "UPDATE Complaints SET EmailKey = LOWER(LTRIM(RTRIM(ComplainantEmail))) WHERE ComplainantEmail IS NOT NULL AND ComplainantEmail LIKE '%@%'");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_EmailKey",
                table: "Complaints",
                column: "EmailKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_EmailKey",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Complaints");
        }
    }
}
