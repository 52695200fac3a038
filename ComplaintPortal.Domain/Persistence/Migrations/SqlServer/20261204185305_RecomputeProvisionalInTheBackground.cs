using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RecomputeProvisionalInTheBackground : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RecomputedStamp",
                table: "WorkingCalendars",
                type: "uniqueidentifier",
                nullable: true);

            // Every calendar already in use was re-computed by its last save, when saves did that inline.
            migrationBuilder.Sql("UPDATE WorkingCalendars SET RecomputedStamp = Stamp;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecomputedStamp",
                table: "WorkingCalendars");
        }
    }
}
