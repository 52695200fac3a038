using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelinessCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TimelinessCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Complaints = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Handled = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Due = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedOfDue = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessCountState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ZoneId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessCountState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessWatches",
                columns: table => new
                {
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LateFrom = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessWatches", x => new { x.ComplaintId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_TimelinessWatches_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessCounts_Month_DepartmentId_Kind",
                table: "TimelinessCounts",
                columns: new[] { "Month", "DepartmentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelinessWatches_Month_DepartmentId_LateFrom",
                table: "TimelinessWatches",
                columns: new[] { "Month", "DepartmentId", "LateFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimelinessCounts");

            migrationBuilder.DropTable(
                name: "TimelinessCountState");

            migrationBuilder.DropTable(
                name: "TimelinessWatches");
        }
    }
}
