using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkingCalendars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingCalendars", x => x.Id);
                    table.UniqueConstraint("AK_WorkingCalendars_Code", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Priority = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: true),
                    CalendarCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FirstResponseAmount = table.Column<int>(type: "int", nullable: false),
                    FirstResponseUnit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    SolutionPlanAmount = table.Column<int>(type: "int", nullable: false),
                    SolutionPlanUnit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    CompletionAmount = table.Column<int>(type: "int", nullable: false),
                    CompletionUnit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DueSoonPercent = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_WorkingCalendars_CalendarCode",
                        column: x => x.CalendarCode,
                        principalTable: "WorkingCalendars",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseDeadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    DepartmentTaskId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PolicyId = table.Column<int>(type: "int", nullable: false),
                    CalendarCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueSoonAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PausedWorkingTime = table.Column<long>(type: "bigint", nullable: false),
                    MetAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDeadlines_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDeadlines_DepartmentTasks_DepartmentTaskId",
                        column: x => x.DepartmentTaskId,
                        principalTable: "DepartmentTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDeadlines_SlaPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "SlaPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicyChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PolicyId = table.Column<int>(type: "int", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ChangedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Before = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    After = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicyChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicyChanges_SlaPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "SlaPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseDeadlineId = table.Column<int>(type: "int", nullable: false),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineTransitions_CaseDeadlines_CaseDeadlineId",
                        column: x => x.CaseDeadlineId,
                        principalTable: "CaseDeadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_ComplaintId_Kind",
                table: "CaseDeadlines",
                columns: new[] { "ComplaintId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_DepartmentTaskId",
                table: "CaseDeadlines",
                column: "DepartmentTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_MetAt_DueSoonAt",
                table: "CaseDeadlines",
                columns: new[] { "MetAt", "DueSoonAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_PolicyId",
                table: "CaseDeadlines",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineTransitions_CaseDeadlineId_Level_DueAt",
                table: "DeadlineTransitions",
                columns: new[] { "CaseDeadlineId", "Level", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineTransitions_ComplaintId",
                table: "DeadlineTransitions",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CalendarCode",
                table: "SlaPolicies",
                column: "CalendarCode");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CategoryId",
                table: "SlaPolicies",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Priority_CategoryId",
                table: "SlaPolicies",
                columns: new[] { "Priority", "CategoryId" },
                unique: true,
                filter: "[CategoryId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicyChanges_PolicyId_ChangedAt",
                table: "SlaPolicyChanges",
                columns: new[] { "PolicyId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkingCalendars_Code",
                table: "WorkingCalendars",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineTransitions");

            migrationBuilder.DropTable(
                name: "SlaPolicyChanges");

            migrationBuilder.DropTable(
                name: "CaseDeadlines");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "WorkingCalendars");
        }
    }
}
