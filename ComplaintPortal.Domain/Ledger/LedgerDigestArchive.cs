using System.Text.Json;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The folder of signed digests (<c>Ledger:DigestPath</c>): one JSON file per sealed range, created and
/// never rewritten. Give the database's account no right to this folder. Digests read once are kept in
/// memory with an index by case, and files added since (by this or another instance) are picked up on
/// the next read.
/// </summary>
public sealed class LedgerDigestArchive(string folder)
{
    private const string Pattern = "ledger-digest-*.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock gate = new();
    private readonly Dictionary<string, LedgerDigest> byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<LedgerLeaf>> byCase = [];
    private readonly List<string> unreadable = [];

    public string Folder { get; } = folder;

    /// <summary>Every digest in the folder, in position order.</summary>
    public IReadOnlyList<LedgerDigest> All()
    {
        lock (gate)
        {
            Refresh();
            return byFile.Values.OrderBy(d => d.From).ToList();
        }
    }

    public LedgerDigest? Latest() => All().LastOrDefault();

    /// <summary>Files that look like digests but cannot be read: an auditor must hear of them.</summary>
    public IReadOnlyList<string> Unreadable()
    {
        lock (gate)
        {
            Refresh();
            return unreadable.ToList();
        }
    }

    /// <summary>The sealed leaves of one case, in sequence order.</summary>
    public IReadOnlyList<LedgerLeaf> LeavesOf(int complaintId)
    {
        lock (gate)
        {
            Refresh();
            return byCase.TryGetValue(complaintId, out var leaves) ? leaves.OrderBy(l => l.Sequence).ToList() : [];
        }
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
            JsonSerializer.Serialize(file, digest, Json);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        lock (gate)
        {
            Add(path, digest);
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

    private void Refresh()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, Pattern))
        {
            if (byFile.ContainsKey(path) || unreadable.Contains(path))
            {
                continue;
            }

            try
            {
                var digest = JsonSerializer.Deserialize<LedgerDigest>(File.ReadAllText(path), Json);
                if (digest is null)
                {
                    unreadable.Add(path);
                    continue;
                }

                Add(path, digest);
            }
            catch (JsonException)
            {
                unreadable.Add(path);
            }
        }
    }

    private void Add(string path, LedgerDigest digest)
    {
        if (!byFile.TryAdd(path, digest))
        {
            return;
        }

        foreach (var leaf in digest.Leaves)
        {
            if (!byCase.TryGetValue(leaf.ComplaintId, out var leaves))
            {
                byCase[leaf.ComplaintId] = leaves = [];
            }

            leaves.Add(leaf);
        }
    }
}
