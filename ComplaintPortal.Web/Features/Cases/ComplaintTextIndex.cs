using System.Text;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The trigram full-text index of the cases' searched text (SQLite's FTS5 table <c>ComplaintText</c>, made and kept in
/// step by the <c>ComplaintTextSearch</c> migration): the ids of the cases whose text holds a word of three characters or
/// more anywhere in the columns asked for. A search uses it to narrow its candidates before its own LIKE test, which
/// otherwise reads every case (at 100,000 cases 33–85 ms a count, ten times that at 1,000,000). A word of two characters
/// is narrowed through the same index by the trigrams it begins, plus the columns it ends (<see cref="HoldingPair"/>).
/// SQL Server has no such table here: <see cref="For"/> gives null there and the search reads as before.
/// </summary>
public sealed class ComplaintTextIndex
{
    /// <summary>The trigram tokenizer indexes runs of three characters (code points): a shorter word finds nothing in it.</summary>
    public const int MinLength = 3;

    /// <summary>Every searched column (the migration's).</summary>
    public const string AllColumns = "CaseNumber ComplainantName ComplainantPhone Description ProductModel Location Facility";

    /// <summary>
    /// The most trigrams a two-character word is looked up by. A common word begins many (空调 is followed by hundreds of
    /// different characters) and is found soonest by reading the cases in order, as without the index; a rare one, the
    /// kind that otherwise reads every case to find a few, begins few.
    /// </summary>
    public const int MaxPairTrigrams = 64;

    /// <summary>
    /// The most cases a word's trigrams may be found in (FTS5's own count per trigram) for the index to narrow by them: for
    /// two characters all the trigrams it begins together, for three or more its rarest trigram. Beyond it the word is
    /// common and reading the cases in order reaches the search's count cap sooner (夹人 at 1,000,000 cases: 21–52 ms through
    /// the index, 9 ms in order).
    /// </summary>
    public const int DefaultMaxCandidates = 20_000;

    /// <summary>The highest code point: every trigram beginning with a pair sorts between the pair and the pair followed by it.</summary>
    private static readonly string Highest = char.ConvertFromUtf32(0x10FFFF);

    private readonly PortalDbContext db;

    /// <summary>Per prepared two-character word, its candidates (<see cref="HoldingPair"/>), or null when it is left to the in-order read.</summary>
    private readonly Dictionary<string, IQueryable<int>?> pairCandidates = new(StringComparer.Ordinal);

    /// <summary>Per prepared word of three characters or more, whether it is common (<see cref="IsCommon"/>).</summary>
    private readonly Dictionary<string, bool> common = new(StringComparer.Ordinal);

    private readonly int maxCandidates;

    private ComplaintTextIndex(PortalDbContext db, int maxCandidates)
    {
        this.db = db;
        this.maxCandidates = maxCandidates;
    }

    /// <param name="db">The portal's database: SQLite has the index, SQL Server not (null).</param>
    /// <param name="maxCandidates">See <see cref="DefaultMaxCandidates"/> (a test lowers it).</param>
    public static ComplaintTextIndex? For(PortalDbContext db, int maxCandidates = DefaultMaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() ? new ComplaintTextIndex(db, maxCandidates) : null;
    }

    /// <summary>The ids of the cases holding <paramref name="word"/> (case-insensitive) in one of <paramref name="columns"/>.</summary>
    public IQueryable<int> Holding(string word, string columns = AllColumns)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ComplaintText WHERE ComplaintText MATCH {Phrases(columns, [word])}");
    }

    /// <summary>
    /// Looks up the trigrams each two-character word among <paramref name="words"/> begins (one small read of the index's term
    /// list per word), so that <see cref="HoldingPair"/> can narrow by them, and how many cases hold the trigrams of each
    /// longer word (<see cref="IsCommon"/>).
    /// </summary>
    public async Task PrepareAsync(IEnumerable<string> words, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words.Distinct(StringComparer.Ordinal).ToList();
        foreach (var word in list.Where(w => w.EnumerateRunes().Count() >= MinLength && !common.ContainsKey(w)))
        {
            common[word] = await IsCommonAsync(word, ct);
        }

        foreach (var word in list.Where(IsPair).Where(w => !pairCandidates.ContainsKey(w)))
        {
            var pair = AsciiLower(word);
            var trigrams = await db.Database.SqlQuery<Trigram>(
                    $"SELECT term AS Term, doc AS Cases FROM ComplaintTextTerms WHERE term >= {pair} AND term <= {pair + Highest} LIMIT {MaxPairTrigrams + 1}")
                .ToListAsync(ct);
            pairCandidates[word] = trigrams.Count > MaxPairTrigrams || trigrams.Sum(t => t.Cases) > maxCandidates ? null
                : trigrams.Count == 0 ? db.Database.SqlQuery<int>($"SELECT ComplaintId AS Value FROM ComplaintTextEnds WHERE Pair = {pair}")
                : db.Database.SqlQuery<int>(
                    $"SELECT rowid AS Value FROM ComplaintText WHERE ComplaintText MATCH {Phrases(AllColumns, trigrams.Select(t => t.Term))} UNION SELECT ComplaintId FROM ComplaintTextEnds WHERE Pair = {pair}");
        }
    }

    /// <summary>
    /// The ids of the cases whose searched text may hold the two-character <paramref name="word"/>: those holding a trigram it
    /// begins, and those with a column it ends (<c>ComplaintTextEnds</c>), a superset of the cases LIKE finds it in. Null when
    /// the word was not prepared, is common (<see cref="MaxPairTrigrams"/>, <see cref="DefaultMaxCandidates"/>), or holds a letter other than
    /// A–Z with a case: the index folds such letters where LIKE does not, and the search then reads the cases as before.
    /// </summary>
    public IQueryable<int>? HoldingPair(string word) => pairCandidates.GetValueOrDefault(word);

    /// <summary>
    /// Whether a prepared word of three characters or more is common: each of its trigrams is in more than
    /// <see cref="DefaultMaxCandidates"/> cases, so narrowing by the index would gather more candidates than reading the cases
    /// in order reads before the search's count cap (按钮失灵 at 1,000,000 cases: 90,000 candidates). Such a word is matched
    /// case by case, as a two-character one is. A word not prepared, or with a trigram the term list does not hold as
    /// looked up (a letter beyond A–Z that the index folds), is not common.
    /// </summary>
    public bool IsCommon(string word) => common.GetValueOrDefault(word);

    /// <summary>Reads the term list's case count of the word's trigrams, stopping at the first rare one.</summary>
    private async Task<bool> IsCommonAsync(string word, CancellationToken ct)
    {
        var runes = AsciiLower(word).EnumerateRunes().Select(r => r.ToString()).ToList();
        var trigrams = Enumerable.Range(0, runes.Count - MinLength + 1).Select(i => string.Concat(runes.Skip(i).Take(MinLength)))
            .Distinct(StringComparer.Ordinal);
        foreach (var trigram in trigrams)
        {
            var cases = await db.Database.SqlQuery<long>($"SELECT doc AS Value FROM ComplaintTextTerms WHERE term = {trigram}").ToListAsync(ct);
            if (cases.Sum() <= maxCandidates)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word of two code points whose only letters with a case are A–Z (as LIKE and the index compare them alike).</summary>
    public static bool IsPair(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var runes = word.EnumerateRunes().ToList();
        return runes.Count == 2 && runes.All(r => r.IsAscii || (Rune.ToUpperInvariant(r) == r && Rune.ToLowerInvariant(r) == r));
    }

    /// <summary>An FTS5 column filter and quoted strings, any of which matches (with the trigram tokenizer, as a substring).</summary>
    private static string Phrases(string columns, IEnumerable<string> strings) =>
        "{" + columns + "} : (" + string.Join(" OR ", strings.Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + ")";

    /// <summary>A trigram of the index's term list and the number of cases it is found in.</summary>
    private sealed class Trigram
    {
        public string Term { get; init; } = "";

        public long Cases { get; init; }
    }

    private static string AsciiLower(string word) => string.Create(word.Length, word, (span, w) =>
    {
        for (var i = 0; i < w.Length; i++)
        {
            span[i] = char.IsAsciiLetterUpper(w[i]) ? (char)(w[i] + 32) : w[i];
        }
    });
}
