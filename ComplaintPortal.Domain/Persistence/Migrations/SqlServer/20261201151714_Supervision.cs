using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChecklistTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NameZhHans = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameZhHant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FiguresPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PeriodKind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    PeriodYear = table.Column<int>(type: "int", nullable: false),
                    PeriodNumber = table.Column<int>(type: "int", nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PublishedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PublishedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SnapshotHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiguresPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChecklistTemplateId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    PublishedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistVersions_ChecklistTemplates_ChecklistTemplateId",
                        column: x => x.ChecklistTemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChecklistVersionId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TextZhHans = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TextZhHant = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TextEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_ChecklistVersions_ChecklistVersionId",
                        column: x => x.ChecklistVersionId,
                        principalTable: "ChecklistVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SampleDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PeriodKind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    PeriodYear = table.Column<int>(type: "int", nullable: false),
                    PeriodNumber = table.Column<int>(type: "int", nullable: false),
                    ActivePeriod = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PeriodStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CandidatesClosedBefore = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SizeMode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    RequestedSize = table.Column<int>(type: "int", nullable: false),
                    MinimumPerStratum = table.Column<int>(type: "int", nullable: false),
                    RiskWeighted = table.Column<bool>(type: "bit", nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: false),
                    ChecklistVersionId = table.Column<int>(type: "int", nullable: false),
                    CandidateCount = table.Column<int>(type: "int", nullable: false),
                    DrawnByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DrawnByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    DiscardedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DiscardedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DiscardReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampleDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampleDraws_ChecklistVersions_ChecklistVersionId",
                        column: x => x.ChecklistVersionId,
                        principalTable: "ChecklistVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SampledCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SampleDrawId = table.Column<int>(type: "int", nullable: false),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    DrawOrder = table.Column<int>(type: "int", nullable: false),
                    StratumDepartmentId = table.Column<int>(type: "int", nullable: true),
                    StratumCategoryId = table.Column<int>(type: "int", nullable: true),
                    Risk = table.Column<int>(type: "int", nullable: false),
                    Weight = table.Column<int>(type: "int", nullable: false),
                    CheckerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CheckerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CheckStatus = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CheckedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampledCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampledCases_Categories_StratumCategoryId",
                        column: x => x.StratumCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledCases_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledCases_Departments_StratumDepartmentId",
                        column: x => x.StratumDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledCases_SampleDraws_SampleDrawId",
                        column: x => x.SampleDrawId,
                        principalTable: "SampleDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SampledCaseId = table.Column<int>(type: "int", nullable: false),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    DepartmentId = table.Column<int>(type: "int", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WorkingDays = table.Column<int>(type: "int", nullable: false),
                    CalendarCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Cause = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Fix = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnsweredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReturnCount = table.Column<int>(type: "int", nullable: false),
                    ReturnReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationNotices_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationNotices_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationNotices_SampledCases_SampledCaseId",
                        column: x => x.SampledCaseId,
                        principalTable: "SampledCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SampledCaseId = table.Column<int>(type: "int", nullable: false),
                    ChecklistItemId = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Remark = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ResponsibleDepartmentId = table.Column<int>(type: "int", nullable: true),
                    RectificationNoticeId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckResults_ChecklistItems_ChecklistItemId",
                        column: x => x.ChecklistItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckResults_Departments_ResponsibleDepartmentId",
                        column: x => x.ResponsibleDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckResults_RectificationNotices_RectificationNoticeId",
                        column: x => x.RectificationNoticeId,
                        principalTable: "RectificationNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckResults_SampledCases_SampledCaseId",
                        column: x => x.SampledCaseId,
                        principalTable: "SampledCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_ChecklistVersionId_Code",
                table: "ChecklistItems",
                columns: new[] { "ChecklistVersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistTemplates_Code",
                table: "ChecklistTemplates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistVersions_ChecklistTemplateId_Number",
                table: "ChecklistVersions",
                columns: new[] { "ChecklistTemplateId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckResults_ChecklistItemId",
                table: "CheckResults",
                column: "ChecklistItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckResults_RectificationNoticeId",
                table: "CheckResults",
                column: "RectificationNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckResults_ResponsibleDepartmentId",
                table: "CheckResults",
                column: "ResponsibleDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckResults_SampledCaseId_ChecklistItemId",
                table: "CheckResults",
                columns: new[] { "SampledCaseId", "ChecklistItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FiguresPublications_PeriodKey",
                table: "FiguresPublications",
                column: "PeriodKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_ComplaintId",
                table: "RectificationNotices",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_DepartmentId_Status",
                table: "RectificationNotices",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_SampledCaseId",
                table: "RectificationNotices",
                column: "SampledCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotices_Status_DueAt",
                table: "RectificationNotices",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledCases_CheckerUserId_CheckStatus",
                table: "SampledCases",
                columns: new[] { "CheckerUserId", "CheckStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledCases_ComplaintId",
                table: "SampledCases",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_SampledCases_SampleDrawId_ComplaintId",
                table: "SampledCases",
                columns: new[] { "SampleDrawId", "ComplaintId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SampledCases_StratumCategoryId",
                table: "SampledCases",
                column: "StratumCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SampledCases_StratumDepartmentId",
                table: "SampledCases",
                column: "StratumDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SampleDraws_ActivePeriod",
                table: "SampleDraws",
                column: "ActivePeriod",
                unique: true,
                filter: "[ActivePeriod] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SampleDraws_ChecklistVersionId",
                table: "SampleDraws",
                column: "ChecklistVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SampleDraws_PeriodKind_PeriodYear_PeriodNumber",
                table: "SampleDraws",
                columns: new[] { "PeriodKind", "PeriodYear", "PeriodNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLog_Action_SubjectId",
                table: "SupervisionLog",
                columns: new[] { "Action", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionLog_At",
                table: "SupervisionLog",
                column: "At");

            // Supervision records are append-only, also for anything that bypasses EF Core (see SupervisionTriggers).
            migrationBuilder.Sql("""
                CREATE TRIGGER [dbo].[SupervisionLog_AppendOnly] ON [dbo].[SupervisionLog]
                INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'supervision records are append-only', 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER [dbo].[FiguresPublications_AppendOnly] ON [dbo].[FiguresPublications]
                INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'supervision records are append-only', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[SupervisionLog_AppendOnly];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[FiguresPublications_AppendOnly];");

            migrationBuilder.DropTable(
                name: "CheckResults");

            migrationBuilder.DropTable(
                name: "FiguresPublications");

            migrationBuilder.DropTable(
                name: "SupervisionLog");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "RectificationNotices");

            migrationBuilder.DropTable(
                name: "SampledCases");

            migrationBuilder.DropTable(
                name: "SampleDraws");

            migrationBuilder.DropTable(
                name: "ChecklistVersions");

            migrationBuilder.DropTable(
                name: "ChecklistTemplates");
        }
    }
}
