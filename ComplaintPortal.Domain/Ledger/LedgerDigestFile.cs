using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Reads digest files: whole (<see cref="Read"/>), or only their header and the cases they hold
/// (<see cref="Scan"/>), which walks the leaves without keeping them.
/// </summary>
internal static class LedgerDigestFile
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The whole digest; null when the file holds JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The file is not a digest.</exception>
    public static LedgerDigest? Read(string path)
    {
        var (bytes, length) = ReadBytes(path);
        try
        {
            return Parse(bytes.AsSpan(0, length), static j => JsonSerializer.Deserialize<LedgerDigest>(j, Json));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The header and the distinct complaint ids of the leaves, in ascending order; canonical when laid out as the archive writes.</summary>
    /// <exception cref="JsonException">The file is not a digest.</exception>
    public static (LedgerDigestHeader Header, int[] Cases, bool Canonical)? Scan(string path)
    {
        var (bytes, length) = ReadBytes(path);
        try
        {
            var quick = Quickly(bytes.AsSpan(0, length));
            if (quick is { } q)
            {
                return (q.Header, q.Cases, true);
            }

            return Generally(bytes.AsSpan(0, length)) is { } g ? (g.Header, g.Cases, false) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The leaves of one case: searched for in a canonical file, else read whole and picked out.</summary>
    /// <exception cref="JsonException">The file is not a digest.</exception>
    public static IReadOnlyList<LedgerLeaf> LeavesOf(string path, int complaintId, bool canonical)
    {
        if (canonical)
        {
            var (bytes, length) = ReadBytes(path);
            try
            {
                if (Parse(bytes.AsSpan(0, length), j => LedgerDigestScan.LeavesOf(j, complaintId)) is { } found)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // Not as the archive writes it after all (changed since it was indexed?): read it whole below.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        var digest = Read(path) ?? throw new JsonException("The digest file holds null.");
        return digest.Leaves.Where(l => l.ComplaintId == complaintId).ToList();
    }

    private static (LedgerDigestHeader Header, int[] Cases)? Quickly(ReadOnlySpan<byte> json)
    {
        try
        {
            return LedgerDigestScan.Canonical(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (LedgerDigestHeader Header, int[] Cases)? Generally(ReadOnlySpan<byte> json)
    {
        var scanned = Parse(json, static j => JsonSerializer.Deserialize<Scanned>(j, Json));
        if (scanned is null)
        {
            return null;
        }

        var leaves = scanned.Leaves ?? CaseScan.None;
        var missing = scanned.Missing ?? [];
        var text = LedgerDigest.SignedText(scanned.From, scanned.To, leaves.Count, scanned.Root, scanned.Previous, scanned.SealedAt, missing,
            scanned.KeyId);
        var header = new LedgerDigestHeader(scanned.From, scanned.To, scanned.SealedAt, scanned.Root, scanned.Previous, leaves.Count, missing.Count,
            scanned.KeyId, scanned.Signature, LedgerDigest.HashOf(text));
        return (header, leaves.Cases);
    }

    /// <summary>The file into a pooled buffer (a digest is about 1 MB; reading 1,455 of them must not churn the large-object heap).</summary>
    private static (byte[] Bytes, int Length) ReadBytes(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Min(file.Length + 1, Array.MaxLength));
        var length = 0;
        int read;
        while ((read = file.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
            if (length == bytes.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                bytes.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(bytes);
                bytes = larger;
            }
        }

        return (bytes, length);
    }

    /// <summary>A leaf value of the wrong type surfaces as another exception than <see cref="JsonException"/>: one kind for callers.</summary>
    private static T Parse<T>(ReadOnlySpan<byte> json, JsonParse<T> parse)
    {
        try
        {
            return parse(json);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw new JsonException(e.Message, e);
        }
    }

    private delegate T JsonParse<out T>(ReadOnlySpan<byte> json);

    private sealed class Scanned
    {
        public long From { get; init; }

        public long To { get; init; }

        public DateTimeOffset SealedAt { get; init; }

        public string Root { get; init; } = "";

        public string Previous { get; init; } = LedgerDigest.NoPrevious;

        public List<long>? Missing { get; init; }

        [JsonConverter(typeof(CaseScanConverter))]
        public CaseScan? Leaves { get; init; }

        public string KeyId { get; init; } = "";

        public string Signature { get; init; } = "";
    }

    private sealed record CaseScan(int Count, int[] Cases)
    {
        public static readonly CaseScan None = new(0, []);
    }

    /// <summary>Counts the leaves and collects their complaint ids (<c>"c"</c>, see <see cref="LedgerLeaf"/>); keeps nothing else.</summary>
    private sealed class CaseScanConverter : JsonConverter<CaseScan>
    {
        public override CaseScan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("The leaves of a digest are an array.");
            }

            var cases = new List<int>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("A leaf of a digest is an object.");
                }

                var complaintId = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var isCase = reader.ValueTextEquals("c"u8) || reader.ValueTextEquals("C"u8);
                    reader.Read();
                    if (isCase)
                    {
                        complaintId = reader.GetInt32();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                cases.Add(complaintId);
            }

            var count = cases.Count;
            cases.Sort();
            return new CaseScan(count, cases.Distinct().ToArray());
        }

        public override void Write(Utf8JsonWriter writer, CaseScan value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Digests are written whole (LedgerDigestArchive.Write).");
    }
}
