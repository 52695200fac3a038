using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplainantPhoneKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Complaints",
                type: "TEXT",
                unicode: false,
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PhoneKey",
                table: "Complaints",
                column: "PhoneKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_PhoneKey",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Complaints");
        }
    }
}
