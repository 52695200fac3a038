using System.Text.Json;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The folder of signed digests (<c>Ledger:DigestPath</c>): one JSON file per sealed range, created and
/// never rewritten. Give the database's account no right to this folder; it is the only trust anchor, so
/// the index below is rebuilt from the files, never kept in the database. In memory stay only each
/// digest's header and the ids of the cases it holds; leaves are read from the files when asked for,
/// through a cache of at most <see cref="CacheCapacity"/> files. Files added since (by this or another
/// instance) are picked up on the next read.
/// </summary>
public sealed class LedgerDigestArchive(string folder, int cacheCapacity = LedgerDigestArchive.DefaultCacheCapacity)
{
    /// <summary>A digest holds at most <see cref="LedgerSealer.MaxLeavesPerDigest"/> leaves, about 2 MB in memory.</summary>
    public const int DefaultCacheCapacity = 8;

    private const string Pattern = "ledger-digest-*.json";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Indexed> byFile = new(StringComparer.Ordinal);

    /// <summary>Path → length when it failed (-1: gone); a file that changes length is read again.</summary>
    private readonly Dictionary<string, long> unreadable = new(StringComparer.Ordinal);

    private readonly LinkedList<Cached> cache = [];
    private readonly Dictionary<string, LinkedListNode<Cached>> cached = new(StringComparer.Ordinal);
    private long filesLoaded;

    public string Folder { get; } = folder;

    /// <summary>How many digest files' leaves are kept in memory at most.</summary>
    public int CacheCapacity { get; } = cacheCapacity >= 0 ? cacheCapacity : throw new ArgumentOutOfRangeException(nameof(cacheCapacity));

    /// <summary>How many digest files' leaves are in memory now (at most <see cref="CacheCapacity"/>).</summary>
    public int CachedFiles
    {
        get
        {
            lock (gate)
            {
                return cache.Count;
            }
        }
    }

    /// <summary>How many times a digest file was read whole (for its leaves) since this archive was made.</summary>
    public long FilesLoaded => Interlocked.Read(ref filesLoaded);

    /// <summary>Every digest in the folder, in position order, without its leaves.</summary>
    public IReadOnlyList<LedgerDigestHeader> All()
    {
        lock (gate)
        {
            Refresh();
            return byFile.Values.Select(i => i.Header).OrderBy(h => h.From).ToList();
        }
    }

    public LedgerDigestHeader? Latest() => All().LastOrDefault();

    /// <summary>Files that look like digests but cannot be read (or were read once and are gone): an auditor must hear of them.</summary>
    public IReadOnlyList<string> Unreadable()
    {
        lock (gate)
        {
            Refresh();
            return unreadable.Keys.ToList();
        }
    }

    /// <summary>
    /// Every digest in position order, each read from its file when the caller gets to it, so a check of
    /// the whole ledger holds one digest's leaves at a time. A file that can no longer be read is skipped
    /// and listed in <see cref="Unreadable"/>.
    /// </summary>
    public IEnumerable<LedgerDigest> ReadAll()
    {
        foreach (var path in Paths(_ => true))
        {
            var digest = Load(path);
            if (digest is not null)
            {
                yield return digest;
            }
        }
    }

    /// <summary>The sealed leaves of one case, in sequence order; reads only the digests that hold the case.</summary>
    public IReadOnlyList<LedgerLeaf> LeavesOf(int complaintId)
    {
        var leaves = new List<LedgerLeaf>();
        foreach (var path in Paths(i => Array.BinarySearch(i.Cases, complaintId) >= 0))
        {
            var byCase = FromCache(path) ?? Group(Load(path));
            if (byCase is not null && byCase.TryGetValue(complaintId, out var ofCase))
            {
                leaves.AddRange(ofCase);
            }

            if (byCase is not null)
            {
                Remember(path, byCase);
            }
        }

        return leaves.OrderBy(l => l.Sequence).ToList();
    }

    /// <summary>Writes a new digest; false when a digest for the same range already exists (another instance sealed it).</summary>
    public bool Write(LedgerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, digest.FileName);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            JsonSerializer.Serialize(file, digest, LedgerDigestFile.Json);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        lock (gate)
        {
            byFile.TryAdd(path, Indexed.Of(digest));
        }

        return true;
    }

    /// <summary>Leaves the public half of the signing key next to the digests, for auditors.</summary>
    public void PublishKey(LedgerDigestKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, LedgerDigestKey.PublicKeyFileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, key.PublicKeyPem);
        }
    }

    private List<string> Paths(Func<Indexed, bool> holds)
    {
        lock (gate)
        {
            Refresh();
            return byFile.Where(f => holds(f.Value)).OrderBy(f => f.Value.Header.From).Select(f => f.Key).ToList();
        }
    }

    /// <summary>Reads a digest whole, outside the lock; one that changed since it was indexed is indexed again, one that fails is unreadable.</summary>
    private LedgerDigest? Load(string path)
    {
        Interlocked.Increment(ref filesLoaded);
        var digest = Read(path);
        lock (gate)
        {
            if (digest is null)
            {
                byFile.Remove(path);
                Forget(path);
                unreadable[path] = File.Exists(path) ? new FileInfo(path).Length : -1;
            }
            else if (byFile.TryGetValue(path, out var indexed) && indexed.Header != LedgerDigestHeader.Of(digest))
            {
                byFile[path] = Indexed.Of(digest);
                Forget(path);
            }
        }

        return digest;
    }

    private static LedgerDigest? Read(string path)
    {
        try
        {
            return LedgerDigestFile.Read(path);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<int, LedgerLeaf[]>? Group(LedgerDigest? digest) =>
        digest?.Leaves.GroupBy(l => l.ComplaintId).ToDictionary(g => g.Key, g => g.ToArray());

    private Dictionary<int, LedgerLeaf[]>? FromCache(string path)
    {
        lock (gate)
        {
            return cached.TryGetValue(path, out var node) ? node.Value.ByCase : null;
        }
    }

    /// <summary>Keeps a file's leaves as the most recently used; drops the least recently used beyond the capacity.</summary>
    private void Remember(string path, Dictionary<int, LedgerLeaf[]> byCase)
    {
        lock (gate)
        {
            if (!byFile.ContainsKey(path))
            {
                return;
            }

            if (cached.Remove(path, out var node))
            {
                cache.Remove(node);
            }

            cached[path] = cache.AddFirst(new Cached(path, byCase));
            while (cache.Count > CacheCapacity)
            {
                Forget(cache.Last!.Value.Path);
            }
        }
    }

    private void Forget(string path)
    {
        if (cached.Remove(path, out var node))
        {
            cache.Remove(node);
        }
    }

    /// <summary>Indexes files not seen yet, walking their leaves without keeping them; called under the lock.</summary>
    private void Refresh()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, Pattern))
        {
            if (byFile.ContainsKey(path)
                || (unreadable.TryGetValue(path, out var length) && (!File.Exists(path) || new FileInfo(path).Length == length)))
            {
                continue;
            }

            try
            {
                var scan = LedgerDigestFile.Scan(path);
                if (scan is { } s)
                {
                    byFile[path] = new Indexed(s.Header, s.Cases);
                    unreadable.Remove(path);
                }
                else
                {
                    unreadable[path] = new FileInfo(path).Length;
                }
            }
            catch (FileNotFoundException)
            {
                // Removed between listing and reading: it was never indexed here, so there is nothing to report.
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                unreadable[path] = File.Exists(path) ? new FileInfo(path).Length : -1;
            }
        }
    }

    private sealed record Indexed(LedgerDigestHeader Header, int[] Cases)
    {
        public static Indexed Of(LedgerDigest digest) =>
            new(LedgerDigestHeader.Of(digest), digest.Leaves.Select(l => l.ComplaintId).Distinct().Order().ToArray());
    }

    private sealed record Cached(string Path, Dictionary<int, LedgerLeaf[]> ByCase);
}
