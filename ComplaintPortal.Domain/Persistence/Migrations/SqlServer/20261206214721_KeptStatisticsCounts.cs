using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class KeptStatisticsCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatisticsCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Scope = table.Column<int>(type: "int", nullable: false),
                    Line = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Received = table.Column<int>(type: "int", nullable: false),
                    Closed = table.Column<int>(type: "int", nullable: false),
                    Surveyed = table.Column<int>(type: "int", nullable: false),
                    Satisfied = table.Column<int>(type: "int", nullable: false),
                    Reopened = table.Column<int>(type: "int", nullable: false),
                    RepeatCallers = table.Column<int>(type: "int", nullable: false),
                    AttitudeSurveyed = table.Column<int>(type: "int", nullable: false),
                    AttitudeSatisfied = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsCountState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    ZoneId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsCountState", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsCounts_Scope_Month_Line_Key",
                table: "StatisticsCounts",
                columns: new[] { "Scope", "Month", "Line", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsCounts");

            migrationBuilder.DropTable(
                name: "StatisticsCountState");
        }
    }
}
