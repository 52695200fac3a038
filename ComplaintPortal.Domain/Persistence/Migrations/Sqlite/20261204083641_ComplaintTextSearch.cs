using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// A trigram full-text index over the searched text of each case (SQLite FTS5, external content: the text stays in
    /// Complaints, the index holds its trigrams), kept in step by triggers, so a search word of three or more characters
    /// finds its candidates from the index instead of reading every case (ComplaintTextIndex). SQL Server keeps LIKE.
    /// A later migration that makes EF rebuild the Complaints table (SQLite cannot alter some columns in place) drops these
    /// triggers with the old table and must create them again; ComplaintTextIndexTests fail until it does.
    /// </summary>
    public partial class ComplaintTextSearch : Migration
    {
        private const string Columns = "CaseNumber, ComplainantName, ComplainantPhone, Description, ProductModel, Location, Facility";
        private const string New = "new.Id, new.CaseNumber, new.ComplainantName, new.ComplainantPhone, new.Description, new.ProductModel, new.Location, new.Facility";
        private const string Old = "old.Id, old.CaseNumber, old.ComplainantName, old.ComplainantPhone, old.Description, old.ProductModel, old.Location, old.Facility";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                $"CREATE VIRTUAL TABLE ComplaintText USING fts5({Columns}, content='Complaints', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql(
                $"CREATE TRIGGER ComplaintText_Insert AFTER INSERT ON Complaints BEGIN INSERT INTO ComplaintText(rowid, {Columns}) VALUES ({New}); END;");
            migrationBuilder.Sql(
                $"CREATE TRIGGER ComplaintText_Delete AFTER DELETE ON Complaints BEGIN INSERT INTO ComplaintText(ComplaintText, rowid, {Columns}) VALUES ('delete', {Old}); END;");
            // Only when a searched column changes: a case's stage, deadlines and version change far more often than its text
            // (an archived case's personal data is masked through this one, which takes the old text out of the index).
            migrationBuilder.Sql(
                $"CREATE TRIGGER ComplaintText_Update AFTER UPDATE OF {Columns} ON Complaints BEGIN " +
                $"INSERT INTO ComplaintText(ComplaintText, rowid, {Columns}) VALUES ('delete', {Old}); " +
                $"INSERT INTO ComplaintText(rowid, {Columns}) VALUES ({New}); END;");
            // Cases registered before the index existed.
            migrationBuilder.Sql("INSERT INTO ComplaintText(ComplaintText) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintText_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintText_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintText_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ComplaintText;");
        }
    }
}
