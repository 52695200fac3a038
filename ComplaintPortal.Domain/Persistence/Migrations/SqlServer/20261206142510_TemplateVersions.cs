using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TemplateVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "MessageTemplates",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Every template written so far has been written once: an add of the same kind, language and channel is then a conflict.
            migrationBuilder.Sql("UPDATE MessageTemplates SET Version = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "MessageTemplates");
        }
    }
}
