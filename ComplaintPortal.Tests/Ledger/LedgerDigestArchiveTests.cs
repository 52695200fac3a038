using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ComplaintPortal.Domain.Ledger;

namespace ComplaintPortal.Tests.Ledger;

/// <summary>
/// The folder of signed digests read without holding every leaf: headers and a case index in memory,
/// leaves read from the files that hold the case through a bounded cache.
/// </summary>
public sealed class LedgerDigestArchiveTests : IDisposable
{
    private static readonly DateTimeOffset SealedAt = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "complaintportal-tests", Guid.NewGuid().ToString("N"));

    private readonly LedgerDigestKey key;

    private readonly Dictionary<int, int> lastSequence = [];

    private long nextPosition = 1;

    private LedgerDigestHeader? previous;

    public LedgerDigestArchiveTests()
    {
        key = LedgerDigestKey.LoadOrCreate(Path.Combine(folder, "key", "signing.pem"));
    }

    private string Digests => Path.Combine(folder, "digests");

    [Fact]
    public void LeavesOf_returns_what_the_files_hold_for_each_case_across_several_digests_reading_only_those_files()
    {
        var writer = new LedgerDigestArchive(Digests);
        var digests = new[]
        {
            Seal(writer, [1, 2, 1, 3, 2]),
            Seal(writer, [4, 1, 4, 5]),
            Seal(writer, [2, 5, 6, 2, 6, 6]),
            Seal(writer, [7, 1, 12, 21, 1]),
        };

        foreach (var complaintId in new[] { 1, 2, 3, 5, 6, 7, 12, 21 })
        {
            var reader = new LedgerDigestArchive(Digests);
            var inFiles = Directory.EnumerateFiles(Digests, "ledger-digest-*.json")
                .Select(f => JsonSerializer.Deserialize<LedgerDigest>(File.ReadAllText(f), new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
                .Select(d => d.Leaves.Where(l => l.ComplaintId == complaintId).ToList())
                .Where(l => l.Count > 0)
                .ToList();

            var leaves = reader.LeavesOf(complaintId);

            Assert.Equal(inFiles.SelectMany(l => l).OrderBy(l => l.Sequence), leaves);
            Assert.Equal(inFiles.Count, reader.FilesLoaded);
        }

        Assert.Empty(new LedgerDigestArchive(Digests).LeavesOf(99));
        Assert.Equal(digests.Select(LedgerDigestHeader.Of), new LedgerDigestArchive(Digests).All());
    }

    [Fact]
    public void A_digest_written_by_another_instance_after_the_first_read_is_seen()
    {
        var here = new LedgerDigestArchive(Digests);
        Seal(here, [1, 2]);
        Assert.Single(here.LeavesOf(1));
        Assert.Single(here.All());

        var there = new LedgerDigestArchive(Digests);
        var added = Seal(there, [1, 3]);

        Assert.Equal([1, 2], here.LeavesOf(1).Select(l => l.Sequence));
        Assert.Equal(LedgerDigestHeader.Of(added), here.Latest());
        Assert.Equal(2, here.All().Count);
        Assert.Equal(2, here.ReadAll().Count());
    }

    [Fact]
    public void The_cache_of_leaves_keeps_no_more_lists_than_its_capacity()
    {
        var archive = new LedgerDigestArchive(Digests, cacheCapacity: 2);
        for (var c = 1; c <= 5; c++)
        {
            Seal(archive, [c, c, c]);
        }

        for (var c = 1; c <= 5; c++)
        {
            Assert.Equal(3, archive.LeavesOf(c).Count);
            Assert.InRange(archive.CachedLeafLists, 1, 2);
        }

        var loaded = archive.FilesLoaded;
        Assert.Equal(3, archive.LeavesOf(5).Count); // still cached
        Assert.Equal(3, archive.LeavesOf(4).Count);
        Assert.Equal(loaded, archive.FilesLoaded);
        Assert.Equal(3, archive.LeavesOf(1).Count); // dropped long ago: read again
        Assert.Equal((loaded + 1, 2), (archive.FilesLoaded, archive.CachedLeafLists));
        Assert.Equal(5, loaded);
    }

    [Fact]
    public void A_digest_that_cannot_be_read_is_reported_and_the_others_still_answer()
    {
        var archive = new LedgerDigestArchive(Digests);
        var kept = Seal(archive, [1, 2]);
        var gone = Seal(archive, [1, 3]);
        Assert.Equal(2, archive.All().Count);
        var garbled = Path.Combine(Digests, LedgerDigestFileName(900, 901));
        File.WriteAllText(garbled, "{\"from\": 900, \"leaves\": [{\"p\": 900, \"c\": \"");
        File.Delete(Path.Combine(Digests, gone.FileName));

        var freshly = new LedgerDigestArchive(Digests);

        Assert.Equal([garbled], freshly.Unreadable());
        Assert.Equal([LedgerDigestHeader.Of(kept)], freshly.All());
        Assert.Equal([1], archive.LeavesOf(1).Select(l => l.Sequence)); // the instance that had read it hears it is gone
        Assert.Equal(new[] { garbled, Path.Combine(Digests, gone.FileName) }.Order(), archive.Unreadable().Order());
    }

    [Fact]
    public void A_range_written_twice_is_refused_and_the_second_instance_follows_the_first()
    {
        var first = new LedgerDigestArchive(Digests);
        var second = new LedgerDigestArchive(Digests);
        var digest = Seal(first, [1, 2]);

        Assert.False(second.Write(digest with { SealedAt = SealedAt.AddMinutes(1) }));
        Assert.Equal(LedgerDigestHeader.Of(digest), second.Latest());
    }

    [Fact]
    public void Reading_every_digest_gives_each_whole_in_position_order()
    {
        var archive = new LedgerDigestArchive(Digests, cacheCapacity: 0);
        var written = new[] { Seal(archive, [1, 2]), Seal(archive, [2, 3, 3]), Seal(archive, [4]) };

        var read = new LedgerDigestArchive(Digests).ReadAll().ToList();

        Assert.Equal(written.Select(d => (d.Hash(), d.Leaves.Count)), read.Select(d => (d.Hash(), d.Leaves.Count)));
        Assert.Equal(written.SelectMany(d => d.Leaves), read.SelectMany(d => d.Leaves));
        Assert.All(read, d => Assert.True(key.Verify(d)));
        Assert.Equal(0, archive.CachedLeafLists);
    }

    [Fact]
    public void A_digest_laid_out_otherwise_than_the_archive_writes_it_is_indexed_the_same_way()
    {
        var archive = new LedgerDigestArchive(Digests);
        var compact = Seal(archive, [1, 2, 1]);
        var reformatted = Seal(archive, [2, 3, 2]);
        var path = Path.Combine(Digests, reformatted.FileName);
        var indented = JsonSerializer.Serialize(reformatted, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        File.WriteAllText(path, indented);

        var freshly = new LedgerDigestArchive(Digests);

        Assert.NotNull(LedgerDigestScan.Canonical(File.ReadAllBytes(Path.Combine(Digests, compact.FileName))));
        Assert.Null(LedgerDigestScan.Canonical(File.ReadAllBytes(path))); // read the general way
        Assert.Equal([LedgerDigestHeader.Of(compact), LedgerDigestHeader.Of(reformatted)], freshly.All());
        Assert.Equal([1, 2, 3], freshly.LeavesOf(2).Select(l => l.Sequence));
        Assert.Equal(2, freshly.FilesLoaded);
    }

    public void Dispose()
    {
        key.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LedgerDigestFileName(long from, long to) => new LedgerDigest { From = from, To = to }.FileName;

    /// <summary>
    /// Seals the next range: one leaf per complaint id given, each case's sequence counting on from its last;
    /// after the first digest, the range opens with a position no event held.
    /// </summary>
    private LedgerDigest Seal(LedgerDigestArchive archive, int[] complaintIds)
    {
        var from = nextPosition;
        IReadOnlyList<long> missing = from == 1 ? [] : [nextPosition++];
        var leaves = new List<LedgerLeaf>();
        foreach (var complaintId in complaintIds)
        {
            var sequence = lastSequence[complaintId] = lastSequence.GetValueOrDefault(complaintId) + 1;
            var position = nextPosition++;
            leaves.Add(new LedgerLeaf(position, complaintId, sequence, Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(position)))));
        }

        var digest = key.Sign(new LedgerDigest
        {
            From = from,
            To = leaves[^1].Position,
            SealedAt = SealedAt,
            Root = LedgerDigest.RootOf(leaves),
            Previous = previous?.Hash ?? LedgerDigest.NoPrevious,
            Missing = missing,
            Leaves = leaves,
        });
        Assert.True(archive.Write(digest), string.Create(CultureInfo.InvariantCulture, $"range {digest.From}-{digest.To} written"));
        previous = LedgerDigestHeader.Of(digest);
        return digest;
    }
}
