using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Complaints = table.Column<int>(type: "int", nullable: false),
                    Resolved = table.Column<int>(type: "int", nullable: false),
                    Open = table.Column<int>(type: "int", nullable: false),
                    Late = table.Column<int>(type: "int", nullable: false),
                    OpenLate = table.Column<int>(type: "int", nullable: false),
                    Handled = table.Column<int>(type: "int", nullable: false),
                    HandledOnTime = table.Column<int>(type: "int", nullable: false),
                    WorkingTicks = table.Column<long>(type: "bigint", nullable: false),
                    Due = table.Column<int>(type: "int", nullable: false),
                    ResolvedOfDue = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessCountState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinessCountState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimelinessWatches",
                columns: table => new
                {
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    LateFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
