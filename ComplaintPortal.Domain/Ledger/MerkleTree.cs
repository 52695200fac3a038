using System.Security.Cryptography;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The Merkle tree hash of RFC 6962 (the one Certificate Transparency logs use): leaves and inner nodes
/// are hashed with different prefixes, so a leaf can never pass for a node, and the tree splits at the
/// largest power of two below its size. One root stands for every leaf, in order.
/// </summary>
public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    /// <summary>The root over already hashed leaves; the empty tree's root is the hash of nothing.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? SHA256.HashData([]) : Root(leafHashes, 0, leafHashes.Count);
    }

    private static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        var left = Root(leaves, start, split);
        var right = Root(leaves, start + split, count - split);
        var node = new byte[1 + left.Length + right.Length];
        node[0] = 1;
        left.CopyTo(node, 1);
        right.CopyTo(node, 1 + left.Length);
        return SHA256.HashData(node);
    }
}
