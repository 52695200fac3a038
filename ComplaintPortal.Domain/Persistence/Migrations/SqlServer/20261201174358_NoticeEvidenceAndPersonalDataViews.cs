using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RectificationNoticeId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ViewerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ViewerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ViewerDepartmentId = table.Column<int>(type: "int", nullable: true),
                    ComplaintId = table.Column<int>(type: "int", nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                CREATE TRIGGER [dbo].[PersonalDataViews_AppendOnly] ON [dbo].[PersonalDataViews]
                INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51000, 'the personal-data view log is append-only', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[PersonalDataViews_AppendOnly];");

            migrationBuilder.DropTable(
                name: "NoticeEvidence");

            migrationBuilder.DropTable(
                name: "PersonalDataViews");
        }
    }
}
