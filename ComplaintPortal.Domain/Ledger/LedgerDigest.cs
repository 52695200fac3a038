using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>One sealed event as its digest records it: where it stands globally, whose it is, and its hash.</summary>
public sealed record LedgerLeaf(
    [property: JsonPropertyName("p")] long Position,
    [property: JsonPropertyName("c")] int ComplaintId,
    [property: JsonPropertyName("s")] int Sequence,
    [property: JsonPropertyName("h")] string EventHash)
{
    public static LedgerLeaf Of(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Position, e.ComplaintId, e.Sequence, e.Hash);
    }

    public byte[] Hash() => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{Position}|{ComplaintId}|{Sequence}|{EventHash}")));
}

/// <summary>
/// A signed statement about one range of the global ledger sequence: which events it held when sealed
/// (their leaves and Merkle root), which positions were already missing, and the hash of the digest
/// before it, so digests form a chain of their own. Written as a file outside the database and signed
/// with a key the database never holds; an insider who rewrites the database cannot rewrite these.
/// </summary>
public sealed record LedgerDigest
{
    public const string Format = "complaintportal-ledger-digest/1";

    /// <summary>The <see cref="Previous"/> of the first digest.</summary>
    public static readonly string NoPrevious = new('0', 64);

    public long From { get; init; }

    public long To { get; init; }

    public DateTimeOffset SealedAt { get; init; }

    /// <summary>Hex Merkle root over <see cref="Leaves"/> in position order.</summary>
    public string Root { get; init; } = "";

    /// <summary><see cref="Hash"/> of the digest before this one, or <see cref="NoPrevious"/>.</summary>
    public string Previous { get; init; } = NoPrevious;

    /// <summary>Positions in the range that no event held when the range was sealed.</summary>
    public IReadOnlyList<long> Missing { get; init; } = [];

    public IReadOnlyList<LedgerLeaf> Leaves { get; init; } = [];

    /// <summary>Which key signed it (<see cref="LedgerDigestKey.KeyId"/>).</summary>
    public string KeyId { get; init; } = "";

    /// <summary>Base64 ECDSA P-256 / SHA-256 signature over <see cref="SignedText"/>.</summary>
    public string Signature { get; init; } = "";

    /// <summary>Everything the signature covers; the leaves are covered through the root.</summary>
    public string SignedText() => SignedText(From, To, Leaves.Count, Root, Previous, SealedAt, Missing, KeyId);

    public string Hash() => HashOf(SignedText());

    public static string RootOf(IReadOnlyList<LedgerLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return Convert.ToHexStringLower(MerkleTree.Root(leaves.Select(l => l.Hash()).ToList()));
    }

    public string FileName => FileNameOf(From, To);

    internal static string FileNameOf(long from, long to) => string.Create(CultureInfo.InvariantCulture, $"ledger-digest-{from:D12}-{to:D12}.json");

    internal static string SignedText(long from, long to, int leafCount, string root, string previous, DateTimeOffset sealedAt,
        IEnumerable<long> missing, string keyId) => string.Join('\n',
        Format,
        from.ToString(CultureInfo.InvariantCulture),
        to.ToString(CultureInfo.InvariantCulture),
        leafCount.ToString(CultureInfo.InvariantCulture),
        root,
        previous,
        sealedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        string.Join(',', missing.Select(m => m.ToString(CultureInfo.InvariantCulture))),
        keyId);

    internal static string HashOf(string signedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signedText)));
}

/// <summary>
/// What the archive keeps in memory of one digest: its range, root, link and signature, and how many
/// leaves it holds, but not the leaves (a digest holds up to <see cref="LedgerSealer.MaxLeavesPerDigest"/>).
/// </summary>
public sealed record LedgerDigestHeader(
    long From, long To, DateTimeOffset SealedAt, string Root, string Previous, int LeafCount, int MissingCount, string KeyId, string Signature,
    string Hash)
{
    public string FileName => LedgerDigest.FileNameOf(From, To);

    public static LedgerDigestHeader Of(LedgerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new(digest.From, digest.To, digest.SealedAt, digest.Root, digest.Previous, digest.Leaves.Count, digest.Missing.Count,
            digest.KeyId, digest.Signature, digest.Hash());
    }
}
