using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StatisticsCallerAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_PhoneKey",
                table: "Complaints");

            migrationBuilder.CreateTable(
                name: "StatisticsCallerAnswers",
                columns: table => new
                {
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    Repeat = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsCallerAnswers", x => x.ComplaintId);
                    table.ForeignKey(
                        name: "FK_StatisticsCallerAnswers_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsCallerChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PhoneKey = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsCallerChecks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PhoneKey_ReceivedAt",
                table: "Complaints",
                columns: new[] { "PhoneKey", "ReceivedAt" });

            // Counts kept before this change know no answers: they are built again, with them, before the portal serves.
            migrationBuilder.Sql("DELETE FROM StatisticsCountState;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsCallerAnswers");

            migrationBuilder.DropTable(
                name: "StatisticsCallerChecks");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_PhoneKey_ReceivedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PhoneKey",
                table: "Complaints",
                column: "PhoneKey");
        }
    }
}
