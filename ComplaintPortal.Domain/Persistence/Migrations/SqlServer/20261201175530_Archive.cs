using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Archive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Complaints",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PersonalDataRemovedAt",
                table: "Complaints",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArchiveAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DepartmentName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ArchiveNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RequestId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveAccessRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequesterUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequesterName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequesterDepartmentId = table.Column<int>(type: "int", nullable: true),
                    Purpose = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RequestedNumbers = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ScopeCategoryId = table.Column<int>(type: "int", nullable: true),
                    ScopeDepartmentId = table.Column<int>(type: "int", nullable: true),
                    ScopeYear = table.Column<int>(type: "int", nullable: true),
                    RequestedFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    DeciderUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DeciderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    GrantedNumbers = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    GrantedFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GrantedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchivedFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArchiveNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: true),
                    DepartmentId = table.Column<int>(type: "int", nullable: true),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CurrentVersion = table.Column<int>(type: "int", nullable: false),
                    LedgerEventCountSeen = table.Column<int>(type: "int", nullable: false),
                    Importance = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    LegalHold = table.Column<bool>(type: "bit", nullable: false),
                    RetainUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    DisposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedFiles_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ArchivedFiles_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ArchivedFiles_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FilesChecked = table.Column<int>(type: "int", nullable: false),
                    DamagedFiles = table.Column<int>(type: "int", nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveNumberCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuleChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: true),
                    OldGeneralYears = table.Column<int>(type: "int", nullable: true),
                    OldImportantYears = table.Column<int>(type: "int", nullable: true),
                    NewGeneralYears = table.Column<int>(type: "int", nullable: false),
                    NewImportantYears = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuleChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CategoryId = table.Column<int>(type: "int", nullable: true),
                    GeneralYears = table.Column<int>(type: "int", nullable: false),
                    ImportantYears = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetentionRules_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveDisposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArchivedFileId = table.Column<int>(type: "int", nullable: false),
                    ArchiveNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RetainUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ListedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    DeciderUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DeciderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RemovedSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveDisposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveDisposals_ArchivedFiles_ArchivedFileId",
                        column: x => x.ArchivedFileId,
                        principalTable: "ArchivedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveFileVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArchivedFileId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LedgerEventCount = table.Column<int>(type: "int", nullable: false),
                    LedgerHeadHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LedgerIntact = table.Column<bool>(type: "bit", nullable: false),
                    LedgerFinding = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ContentSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EvidenceSeals = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PurgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveFileVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveFileVersions_ArchivedFiles_ArchivedFileId",
                        column: x => x.ArchivedFileId,
                        principalTable: "ArchivedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt",
                table: "Complaints",
                columns: new[] { "ArchivedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessLog_ArchiveNumber",
                table: "ArchiveAccessLog",
                column: "ArchiveNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessLog_At",
                table: "ArchiveAccessLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessLog_UserId",
                table: "ArchiveAccessLog",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessRequests_RequesterUserId_Status",
                table: "ArchiveAccessRequests",
                columns: new[] { "RequesterUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessRequests_Status",
                table: "ArchiveAccessRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_ArchiveNumber",
                table: "ArchivedFiles",
                column: "ArchiveNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_CategoryId_Year",
                table: "ArchivedFiles",
                columns: new[] { "CategoryId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_ComplaintId",
                table: "ArchivedFiles",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_DepartmentId_Year",
                table: "ArchivedFiles",
                columns: new[] { "DepartmentId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_State_RetainUntil",
                table: "ArchivedFiles",
                columns: new[] { "State", "RetainUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveDisposals_ArchivedFileId_Status",
                table: "ArchiveDisposals",
                columns: new[] { "ArchivedFileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveFileVersions_ArchivedFileId_Version",
                table: "ArchiveFileVersions",
                columns: new[] { "ArchivedFileId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRules_CategoryId",
                table: "RetentionRules",
                column: "CategoryId",
                unique: true,
                filter: "[CategoryId] IS NOT NULL");

            // The access register and the retention log are append-only, also for anything that bypasses EF Core.
            migrationBuilder.Sql("""
                CREATE TRIGGER [dbo].[ArchiveAccessLog_AppendOnly] ON [dbo].[ArchiveAccessLog]
                INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'archive records are append-only', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER [dbo].[RetentionRuleChanges_AppendOnly] ON [dbo].[RetentionRuleChanges]
                INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'archive records are append-only', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[ArchiveAccessLog_AppendOnly];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[RetentionRuleChanges_AppendOnly];");

            migrationBuilder.DropTable(
                name: "ArchiveAccessLog");

            migrationBuilder.DropTable(
                name: "ArchiveAccessRequests");

            migrationBuilder.DropTable(
                name: "ArchiveDisposals");

            migrationBuilder.DropTable(
                name: "ArchiveFileVersions");

            migrationBuilder.DropTable(
                name: "ArchiveInspections");

            migrationBuilder.DropTable(
                name: "ArchiveNumberCounters");

            migrationBuilder.DropTable(
                name: "RetentionRuleChanges");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropTable(
                name: "ArchivedFiles");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ArchivedAt_ClosedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PersonalDataRemovedAt",
                table: "Complaints");
        }
    }
}
