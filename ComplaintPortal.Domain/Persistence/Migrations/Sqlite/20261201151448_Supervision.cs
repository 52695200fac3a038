using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZhHans = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZhHant = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FiguresPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    SnapshotHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiguresPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChecklistTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChecklistVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TextZhHans = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextZhHant = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivePeriod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidatesClosedBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    SizeMode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RequestedSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumPerStratum = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskWeighted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecklistVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DrawnByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DiscardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DiscardedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DiscardReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampleDrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    StratumDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    StratumCategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Risk = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CheckerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CheckStatus = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampledCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CalendarCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Fix = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SampledCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecklistItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResponsibleDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    RectificationNoticeId = table.Column<int>(type: "INTEGER", nullable: true)
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
                unique: true);

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
                CREATE TRIGGER SupervisionLog_NoUpdate BEFORE UPDATE ON SupervisionLog
                BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SupervisionLog_NoDelete BEFORE DELETE ON SupervisionLog
                BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FiguresPublications_NoUpdate BEFORE UPDATE ON FiguresPublications
                BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FiguresPublications_NoDelete BEFORE DELETE ON FiguresPublications
                BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SupervisionLog_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SupervisionLog_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FiguresPublications_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FiguresPublications_NoDelete;");

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
