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
    public string SignedText() => string.Join('\n',
        Format,
        From.ToString(CultureInfo.InvariantCulture),
        To.ToString(CultureInfo.InvariantCulture),
        Leaves.Count.ToString(CultureInfo.InvariantCulture),
        Root,
        Previous,
        SealedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        string.Join(',', Missing.Select(m => m.ToString(CultureInfo.InvariantCulture))),
        KeyId);

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SignedText())));

    public static string RootOf(IReadOnlyList<LedgerLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return Convert.ToHexStringLower(MerkleTree.Root(leaves.Select(l => l.Hash()).ToList()));
    }

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"ledger-digest-{From:D12}-{To:D12}.json");
}
