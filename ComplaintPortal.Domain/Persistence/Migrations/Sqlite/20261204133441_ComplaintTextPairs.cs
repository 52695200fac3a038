using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintPortal.Domain.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Lets a two-character search word (漏电, 退款) narrow its candidates too, which the trigram index alone cannot: the
    /// word is either followed by a character, so it begins one of the index's trigrams (listed by the fts5vocab table
    /// <c>ComplaintTextTerms</c>), or it ends a searched column, which <c>ComplaintTextEnds</c> keeps (each column's last two
    /// characters, ASCII letters in lower case as LIKE compares them), kept in step by triggers. ComplaintTextIndex.HoldingPair.
    /// Like ComplaintTextSearch's, a later migration that makes EF rebuild the Complaints table must create the triggers again;
    /// ComplaintTextIndexTests fail until it does.
    /// </summary>
    public partial class ComplaintTextPairs : Migration
    {
        private const string Columns = "CaseNumber, ComplainantName, ComplainantPhone, Description, ProductModel, Location, Facility";

        /// <summary>The triggers': the inserted or updated case's row.</summary>
        private static string NewRowEnds { get; } = Ends(c => $"SELECT new.Id AS Id, new.{c} AS v");

        /// <summary>Fills <c>ComplaintTextEnds</c> from every case (here, and after the case generator's bulk load).</summary>
        internal static string FillSql { get; } = Ends(c => $"SELECT Id, {c} AS v FROM Complaints") + ";";

        /// <summary>Stores the last two characters of each searched column, one select per column giving <c>Id</c> and <c>v</c>.</summary>
        private static string Ends(Func<string, string> column) =>
            "INSERT OR IGNORE INTO ComplaintTextEnds(Pair, ComplaintId) SELECT lower(substr(v, -2)), Id FROM (" +
            string.Join(" UNION ALL ", Columns.Split(", ").Select(column)) + ") WHERE length(v) >= 2";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ComplaintTextTerms USING fts5vocab(ComplaintText, 'row');");
            migrationBuilder.Sql(
                "CREATE TABLE ComplaintTextEnds (Pair TEXT NOT NULL, ComplaintId INTEGER NOT NULL, PRIMARY KEY (Pair, ComplaintId)) WITHOUT ROWID;");
            migrationBuilder.Sql("CREATE INDEX IX_ComplaintTextEnds_ComplaintId ON ComplaintTextEnds (ComplaintId);");
            migrationBuilder.Sql(
                $"CREATE TRIGGER ComplaintTextEnds_Insert AFTER INSERT ON Complaints BEGIN {NewRowEnds}; END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER ComplaintTextEnds_Delete AFTER DELETE ON Complaints BEGIN DELETE FROM ComplaintTextEnds WHERE ComplaintId = old.Id; END;");
            migrationBuilder.Sql(
                $"CREATE TRIGGER ComplaintTextEnds_Update AFTER UPDATE OF {Columns} ON Complaints BEGIN " +
                $"DELETE FROM ComplaintTextEnds WHERE ComplaintId = old.Id; {NewRowEnds}; END;");
            // Cases registered before.
            migrationBuilder.Sql(FillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintTextEnds_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintTextEnds_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ComplaintTextEnds_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ComplaintTextEnds;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ComplaintTextTerms;");
        }
    }
}
