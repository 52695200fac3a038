using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Cases;

/// <summary>
/// The search's full-text index (SQLite FTS5, trigrams) narrows the candidates and never changes what is found: every
/// kind of word finds the same cases with and without it, text typed or changed after the migration is found, and the
/// index stays exactly in step with the cases (FTS5's own integrity check).
/// </summary>
public sealed class ComplaintTextIndexTests : CaseDatabaseTest
{
    private async Task<int> CaseAsync(string name, string? phone, string description, string? product)
    {
        var id = (await Driver.RegisterAsync()).Id;
        await using var db = Database.CreateContext();
        await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.Complainant.Name, name).SetProperty(c => c.Complainant.Phone, phone).SetProperty(c => c.PhoneKey, ContactForms.PhoneKey(phone))
            .SetProperty(c => c.Description, description).SetProperty(c => c.Subject.ProductModel, product));
        return id;
    }

    private async Task<(List<int> Indexed, List<int> Scanned)> FindAsync(string text)
    {
        await using var db = Database.CreateContext();
        var search = new CaseSearch { Text = text };
        var index = ComplaintTextIndex.For(db);
        Assert.NotNull(index);
        await index.PrepareAsync(CaseSearch.Words(text));
        var indexed = await search.Apply(db.Complaints.AsNoTracking(), index).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        var scanned = await search.Apply(db.Complaints.AsNoTracking()).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        return (indexed, scanned);
    }

    private async Task AssertInStepAsync()
    {
        await using var db = Database.CreateContext();
        // Raises an error when the index holds anything other than the cases' present text.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ComplaintText(ComplaintText) VALUES ('integrity-check')");
        // Each searched column's last two characters (ASCII letters in lower case), worked out here from the cases as they read.
        var cases = await db.Complaints.AsNoTracking().Select(c => new
        {
            c.Id, Columns = new[] { c.CaseNumber, c.Complainant.Name, c.Complainant.Phone, c.Description, c.Subject.ProductModel, c.Subject.Location, c.Subject.Facility },
        }).ToListAsync();
        var expected = cases.SelectMany(c => c.Columns.Where(v => v is not null && v.EnumerateRunes().Count() >= 2)
                .Select(v => (Pair: LastTwo(v!), c.Id)))
            .Distinct().Order().ToList();
        var kept = (await db.Database.SqlQuery<string>($"SELECT Pair || '|' || ComplaintId AS Value FROM ComplaintTextEnds").ToListAsync())
            .Select(row => row.Split('|')).Select(p => (Pair: p[0], Id: int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).Order().ToList();
        Assert.Equal(expected, kept);
    }

    private static string LastTwo(string value)
    {
        var runes = value.EnumerateRunes().TakeLast(2).Select(r => r.IsAscii ? Rune.ToLowerInvariant(r) : r);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Every_kind_of_word_finds_the_same_cases_with_the_index_as_without()
    {
        var cooker = await CaseAsync("王小明", "138 0013 8000", "电饭煲内胆涂层脱落，要求换新", "RC-5\"A");
        var lift = await CaseAsync("Li Na", "0755-8888 6666", "3号电梯门夹人 100% 不安全", "XP_200");
        var aircon = await CaseAsync("陈大文", null, "空调不制冷", null);
        var whole = await CaseAsync("李强", null, "电视无信号", null);
        var cookerNumber = (await Driver.LoadAsync(cooker)).CaseNumber;

        foreach (var (text, expected) in new (string, int[])[]
        {
            ("内胆涂层", [cooker]), ("电梯", [lift]), ("门", [lift]), ("Li Nb", []), ("li", [lift]), ("LI", [lift]),
            ("8000", [cooker]), ("6666", [lift]), ("0013", []), ("13800138000", [cooker]), ("0755-8888", []),
            ("RC-5\"A", [cooker]), ("\"A", [cooker]), ("xp_2", [lift]), ("100%", [lift]), ("0%", [lift]), ("x%y", []),
            (cookerNumber, [cooker]), (cookerNumber[^5..], [cooker]), ("小明 换新", [cooker]), ("小明 电梯", []), ("夹人 XP", [lift]),
            // Two characters: inside a column, ending one, a whole column, across a space's neighbours, quotes, % and _.
            ("内胆", [cooker]), ("换新", [cooker]), ("制冷", [aircon]), ("空调", [aircon]), ("李强", [whole]), ("Na", [lift]), ("nA", [lift]),
            ("5\"", [cooker]), ("0%", [lift]), ("_2", [lift]), ("门夹", [lift]), ("冰箱", []), ("强x", []), ("00", [cooker, lift, aircon, whole]),
        })
        {
            var (indexed, scanned) = await FindAsync(text);
            Assert.True(expected.Order().SequenceEqual(scanned), $"{text}: found {string.Join(',', scanned)} without the index");
            Assert.True(scanned.SequenceEqual(indexed), $"{text}: {string.Join(',', indexed)} with the index, {string.Join(',', scanned)} without");
        }

        await AssertInStepAsync();
    }

    [Fact]
    public async Task Text_changed_after_registration_is_found_as_it_now_reads()
    {
        var id = await CaseAsync("王小明", "13800138000", "电饭煲内胆涂层脱落", null);
        var other = await CaseAsync("张三", null, "热水器漏水严重", null);

        await using (var db = Database.CreateContext())
        {
            // Masked, as an archived case's personal data is, and its description corrected.
            await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Complainant.Name, "王**").SetProperty(c => c.Description, "电压力锅密封圈老化"));
        }

        Assert.Equal([id], (await FindAsync("密封圈")).Indexed);
        Assert.Empty((await FindAsync("内胆涂层")).Indexed);
        Assert.Empty((await FindAsync("王小明")).Indexed);
        Assert.Equal([other], (await FindAsync("热水器")).Indexed);
        Assert.Equal([id], (await FindAsync("老化")).Indexed);
        Assert.Empty((await FindAsync("涂层")).Indexed);
        Assert.Empty((await FindAsync("小明")).Indexed);
        await AssertInStepAsync();
    }

    [Fact]
    public async Task A_two_character_word_is_narrowed_by_the_index_unless_it_is_common_or_has_a_case_the_index_folds()
    {
        var rare = await CaseAsync("赵六", null, "冰箱漏电，插座冒烟", null);
        // 测试 followed by more different characters than the index looks a pair up by.
        var common = await CaseAsync("孙七", null, string.Join(' ', Enumerable.Range(0, ComplaintTextIndex.MaxPairTrigrams + 1).Select(i => "测试" + (char)(0x4E00 + i))), null);
        await CaseAsync("Émile", null, "ÉTAT", null);

        await using var db = Database.CreateContext();
        var index = ComplaintTextIndex.For(db)!;
        await index.PrepareAsync(["漏电", "冒烟", "测试", "ÉT", "长期"]);

        Assert.Equal([rare], await index.HoldingPair("漏电")!.ToListAsync());
        Assert.Equal([rare], await index.HoldingPair("冒烟")!.ToListAsync());
        Assert.Empty(await index.HoldingPair("长期")!.ToListAsync());
        Assert.Null(index.HoldingPair("测试"));
        Assert.Null(index.HoldingPair("ÉT"));
        Assert.Null(index.HoldingPair("插座"));
        Assert.Equal([common], (await FindAsync("测试")).Indexed);

        // A word found in more cases than the index narrows to is read in order too (FTS5 counts the cases per trigram).
        var second = await CaseAsync("周八", null, "冰箱也漏电", null);
        var strict = ComplaintTextIndex.For(db, maxCandidates: 0)!;
        await strict.PrepareAsync(["漏电", "冒烟"]);
        Assert.Null(strict.HoldingPair("漏电"));
        Assert.Equal([rare], await strict.HoldingPair("冒烟")!.ToListAsync());
        Assert.Equal([rare, second], (await FindAsync("漏电")).Indexed);
        Assert.Equal((await FindAsync("ét")).Scanned, (await FindAsync("ét")).Indexed);
    }

    [Fact]
    public async Task A_longer_word_whose_every_trigram_is_in_many_cases_is_read_in_order_and_finds_the_same()
    {
        var rare = await CaseAsync("赵六", null, "冰箱漏电，插座冒烟", null);
        var other = await CaseAsync("周八", null, "冰箱门关不严", null);

        await using var db = Database.CreateContext();
        var usual = ComplaintTextIndex.For(db)!;
        // Every trigram of these is in a case: more than none, so common to an index that narrows to none.
        var strict = ComplaintTextIndex.For(db, maxCandidates: 0)!;
        string[] words = ["冰箱漏电", "冰箱", "插座冒烟", "冰箱爆炸", "冰箱门"];
        await usual.PrepareAsync(words);
        await strict.PrepareAsync(words);

        Assert.All(words, w => Assert.False(usual.IsCommon(w)));
        Assert.True(strict.IsCommon("冰箱漏电"));
        Assert.True(strict.IsCommon("插座冒烟"));
        Assert.True(strict.IsCommon("冰箱门"));
        // 箱爆炸 is in no case: the word is rare whatever the others' counts.
        Assert.False(strict.IsCommon("冰箱爆炸"));
        Assert.False(strict.IsCommon("冰箱"));
        Assert.False(strict.IsCommon("未准备的词"));

        foreach (var (text, expected) in new (string, int[])[] { ("冰箱漏电", [rare]), ("冰箱门", [other]), ("冰箱爆炸", []), ("插座冒烟 冰箱", [rare]) })
        {
            var search = new CaseSearch { Text = text };
            await strict.PrepareAsync(CaseSearch.Words(text));
            Assert.Equal(expected, await search.Apply(db.Complaints.AsNoTracking(), strict).Select(c => c.Id).OrderBy(id => id).ToListAsync());
        }
    }
}
