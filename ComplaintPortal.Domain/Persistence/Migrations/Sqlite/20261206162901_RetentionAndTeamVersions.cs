using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RetentionAndTeamVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RetentionRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The default rule exists from now on, so two administrators' first saves of it meet on its version instead of
            // inserting two default rules (a unique index lets several empty types through).
            migrationBuilder.Sql(
                "INSERT INTO RetentionRules (CategoryId, GeneralYears, ImportantYears, Version) SELECT NULL, 3, 10, 0 " +
                "WHERE NOT EXISTS (SELECT 1 FROM RetentionRules WHERE CategoryId IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RetentionRules");
        }
    }
}
