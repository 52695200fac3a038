using System.Text.Json;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The folder of signed digests (<c>Ledger:DigestPath</c>): one JSON file per sealed range, created and
/// never rewritten. Give the database's account no right to this folder; it is the only trust anchor, so
/// the index below is rebuilt from the files, never kept in the database. In memory stay only each
/// digest's header and the ids of the cases it holds; a case's leaves are read from the files that hold
/// it when asked for, through a cache of at most <see cref="CacheCapacity"/> (digest, case) leaf lists.
/// Files added since (by this or another instance) are picked up on the next read.
/// </summary>
public sealed class LedgerDigestArchive(string folder, int cacheCapacity = LedgerDigestArchive.DefaultCacheCapacity)
{
    /// <summary>A case has a dozen or so leaves in a digest: some 10 MB of leaves at most, as a rule.</summary>
    public const int DefaultCacheCapacity = 4096;

    private const string Pattern = "ledger-digest-*.json";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Indexed> byFile = new(StringComparer.Ordinal);

    /// <summary>Path → length when it failed (-1: gone); a file that changes length is read again.</summary>
    private readonly Dictionary<string, long> unreadable = new(StringComparer.Ordinal);

    private readonly LinkedList<Cached> cache = [];
    private readonly Dictionary<(string Path, int ComplaintId), LinkedListNode<Cached>> cached = [];
    private long filesLoaded;

    public string Folder { get; } = folder;

    /// <summary>How many (digest, case) leaf lists are kept in memory at most.</summary>
    public int CacheCapacity { get; } = cacheCapacity >= 0 ? cacheCapacity : throw new ArgumentOutOfRangeException(nameof(cacheCapacity));

    /// <summary>How many (digest, case) leaf lists are in memory now (at most <see cref="CacheCapacity"/>).</summary>
    public int CachedLeafLists
    {
        get
        {
            lock (gate)
            {
                return cache.Count;
            }
        }
    }

    /// <summary>How many times a digest file was read for leaves since this archive was made.</summary>
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
            var digest = ReadWhole(path);
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
            leaves.AddRange(FromCache(path, complaintId) ?? Load(path, complaintId));
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
    private LedgerDigest? ReadWhole(string path)
    {
        var digest = Read(path);
        lock (gate)
        {
            if (digest is null)
            {
                MarkUnreadable(path);
            }
            else if (byFile.TryGetValue(path, out var indexed) && indexed.Header != LedgerDigestHeader.Of(digest))
            {
                byFile[path] = Indexed.Of(digest) with { Canonical = false };
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

    /// <summary>Reads one case's leaves from a digest, outside the lock, and keeps them as the most recently used.</summary>
    private IReadOnlyList<LedgerLeaf> Load(string path, int complaintId)
    {
        Interlocked.Increment(ref filesLoaded);
        bool canonical;
        lock (gate)
        {
            canonical = byFile.TryGetValue(path, out var indexed) && indexed.Canonical;
        }

        IReadOnlyList<LedgerLeaf>? leaves;
        try
        {
            leaves = LedgerDigestFile.LeavesOf(path, complaintId, canonical);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            leaves = null;
        }

        lock (gate)
        {
            if (leaves is null)
            {
                MarkUnreadable(path);
                return [];
            }

            if (byFile.ContainsKey(path))
            {
                // Two callers may have read the same case at once: keep one list.
                if (cached.Remove((path, complaintId), out var earlier))
                {
                    cache.Remove(earlier);
                }

                cached[(path, complaintId)] = cache.AddFirst(new Cached(path, complaintId, leaves));
                while (cache.Count > CacheCapacity)
                {
                    cached.Remove((cache.Last!.Value.Path, cache.Last.Value.ComplaintId));
                    cache.RemoveLast();
                }
            }
        }

        return leaves;
    }

    private IReadOnlyList<LedgerLeaf>? FromCache(string path, int complaintId)
    {
        lock (gate)
        {
            if (!cached.TryGetValue((path, complaintId), out var node))
            {
                return null;
            }

            cache.Remove(node);
            cache.AddFirst(node);
            return node.Value.Leaves;
        }
    }

    /// <summary>Called under the lock.</summary>
    private void MarkUnreadable(string path)
    {
        byFile.Remove(path);
        Forget(path);
        unreadable[path] = File.Exists(path) ? new FileInfo(path).Length : -1;
    }

    /// <summary>Drops a file's cached leaves; called under the lock.</summary>
    private void Forget(string path)
    {
        for (var node = cache.First; node is not null;)
        {
            var next = node.Next;
            if (string.Equals(node.Value.Path, path, StringComparison.Ordinal))
            {
                cached.Remove((path, node.Value.ComplaintId));
                cache.Remove(node);
            }

            node = next;
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
                    byFile[path] = new Indexed(s.Header, s.Cases, s.Canonical);
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

    /// <param name="Canonical">Laid out as <see cref="Write"/> writes it: a case's leaves can be searched for (<see cref="LedgerDigestScan"/>).</param>
    private sealed record Indexed(LedgerDigestHeader Header, int[] Cases, bool Canonical)
    {
        public static Indexed Of(LedgerDigest digest) =>
            new(LedgerDigestHeader.Of(digest), digest.Leaves.Select(l => l.ComplaintId).Distinct().Order().ToArray(), Canonical: true);
    }

    private sealed record Cached(string Path, int ComplaintId, IReadOnlyList<LedgerLeaf> Leaves);
}
