using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeadlineRulesAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing policy targets in days take the Chinese reading (whole working days) from now on;
            // existing deadlines keep their instants and say they were counted as the same clock time.
            migrationBuilder.AddColumn<string>(
                name: "CompletionCounting",
                table: "SlaPolicies",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "WholeDays");

            migrationBuilder.AddColumn<string>(
                name: "FirstResponseCounting",
                table: "SlaPolicies",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "WholeDays");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "SlaPolicies",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SolutionPlanCounting",
                table: "SlaPolicies",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "WholeDays");

            migrationBuilder.AddColumn<string>(
                name: "RecipientUserId",
                table: "Notifications",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProvisional",
                table: "CaseDeadlines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TargetAmount",
                table: "CaseDeadlines",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TargetCounting",
                table: "CaseDeadlines",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "SameClockTime");

            migrationBuilder.AddColumn<string>(
                name: "TargetUnit",
                table: "CaseDeadlines",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Days");

            migrationBuilder.CreateTable(
                name: "NotificationReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NotificationId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationReads_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_CalendarCode_IsProvisional",
                table: "CaseDeadlines",
                columns: new[] { "CalendarCode", "IsProvisional" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationReads_NotificationId_UserId",
                table: "NotificationReads",
                columns: new[] { "NotificationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationReads_UserId",
                table: "NotificationReads",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationReads");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientUserId_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_CalendarCode_IsProvisional",
                table: "CaseDeadlines");

            migrationBuilder.DropColumn(
                name: "CompletionCounting",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "FirstResponseCounting",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "SolutionPlanCounting",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "RecipientUserId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "IsProvisional",
                table: "CaseDeadlines");

            migrationBuilder.DropColumn(
                name: "TargetAmount",
                table: "CaseDeadlines");

            migrationBuilder.DropColumn(
                name: "TargetCounting",
                table: "CaseDeadlines");

            migrationBuilder.DropColumn(
                name: "TargetUnit",
                table: "CaseDeadlines");
        }
    }
}
