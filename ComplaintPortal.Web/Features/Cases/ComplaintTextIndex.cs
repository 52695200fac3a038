using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The trigram full-text index of the cases' searched text (SQLite's FTS5 table <c>ComplaintText</c>, made and kept in
/// step by the <c>ComplaintTextSearch</c> migration): the ids of the cases whose text holds a word of three characters or
/// more anywhere in the columns asked for. A search uses it to narrow its candidates before its own LIKE test, which
/// otherwise reads every case (at 100,000 cases 33–85 ms a count, ten times that at 1,000,000). SQL Server has no such
/// table here: <see cref="For"/> gives null there and the search reads as before.
/// </summary>
public sealed class ComplaintTextIndex
{
    /// <summary>The trigram tokenizer indexes runs of three characters (code points): a shorter word finds nothing in it.</summary>
    public const int MinLength = 3;

    /// <summary>Every searched column (the migration's).</summary>
    public const string AllColumns = "CaseNumber ComplainantName ComplainantPhone Description ProductModel Location Facility";

    private readonly PortalDbContext db;

    private ComplaintTextIndex(PortalDbContext db) => this.db = db;

    public static ComplaintTextIndex? For(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() ? new ComplaintTextIndex(db) : null;
    }

    /// <summary>The ids of the cases holding <paramref name="word"/> (case-insensitive) in one of <paramref name="columns"/>.</summary>
    public IQueryable<int> Holding(string word, string columns = AllColumns)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        // An FTS5 column filter and one quoted string: with the trigram tokenizer the string matches as a substring.
        var query = "{" + columns + "} : \"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ComplaintText WHERE ComplaintText MATCH {query}");
    }
}
