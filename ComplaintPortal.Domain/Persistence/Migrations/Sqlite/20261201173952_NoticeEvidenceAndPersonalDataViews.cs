using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeEvidenceAndPersonalDataViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NoticeEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RectificationNoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeEvidence_RectificationNotices_RectificationNoticeId",
                        column: x => x.RectificationNoticeId,
                        principalTable: "RectificationNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ViewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ViewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ViewerDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataViews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeEvidence_RectificationNoticeId",
                table: "NoticeEvidence",
                column: "RectificationNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_At",
                table: "PersonalDataViews",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_ComplaintId_At",
                table: "PersonalDataViews",
                columns: new[] { "ComplaintId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataViews_ViewerUserId_At",
                table: "PersonalDataViews",
                columns: new[] { "ViewerUserId", "At" });

            // The personal-data view log is append-only, also for anything that bypasses EF Core.
            migrationBuilder.Sql("""
                CREATE TRIGGER PersonalDataViews_NoUpdate BEFORE UPDATE ON PersonalDataViews
                BEGIN SELECT RAISE(ABORT, 'the personal-data view log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PersonalDataViews_NoDelete BEFORE DELETE ON PersonalDataViews
                BEGIN SELECT RAISE(ABORT, 'the personal-data view log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PersonalDataViews_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PersonalDataViews_NoDelete;");

            migrationBuilder.DropTable(
                name: "NoticeEvidence");

            migrationBuilder.DropTable(
                name: "PersonalDataViews");
        }
    }
}
