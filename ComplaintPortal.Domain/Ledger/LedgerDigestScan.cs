using System.Globalization;
using System.Text.Json;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Indexes a digest laid out as <see cref="LedgerDigestArchive.Write"/> writes it: the header read token by
/// token, the leaves (<c>{"p":1,"c":2,"s":3,"h":"…"}</c>, see <see cref="LedgerLeaf"/>) matched byte by byte
/// for their complaint ids. A file that matches can later be searched for one case's leaves
/// (<see cref="LeavesOf"/>) instead of being read whole. Anything laid out otherwise gives null, and the
/// caller reads the file the general way, so both ways index a file alike.
/// </summary>
internal static class LedgerDigestScan
{
    public static (LedgerDigestHeader Header, int[] Cases)? Canonical(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        long from = 0, to = 0;
        var sealedAt = default(DateTimeOffset);
        string root = "", previous = LedgerDigest.NoPrevious, keyId = "", signature = "";
        var missing = new List<long>();
        var cases = new List<int>();
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!.ToLowerInvariant();
            reader.Read();
            var ok = name switch
            {
                "from" => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out from),
                "to" => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out to),
                "sealedat" => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out sealedAt),
                "root" => Text(ref reader, ref root),
                "previous" => Text(ref reader, ref previous),
                "keyid" => Text(ref reader, ref keyId),
                "signature" => Text(ref reader, ref signature),
                "missing" => Positions(ref reader, missing),
                "leaves" => Leaves(json, ref reader, cases, out count),
                _ => reader.TrySkip(),
            };
            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        var hash = LedgerDigest.HashOf(LedgerDigest.SignedText(from, to, count, root, previous, sealedAt, missing, keyId));
        var header = new LedgerDigestHeader(from, to, sealedAt, root, previous, count, missing.Count, keyId, signature, hash);
        cases.Sort();
        return (header, cases.Distinct().ToArray());
    }

    /// <summary>
    /// The leaves of one case in a digest laid out as the archive writes it, found by searching for the case's
    /// <c>,"c":id,</c> rather than reading every leaf. Only for files <see cref="Canonical"/> indexed.
    /// </summary>
    public static List<LedgerLeaf>? LeavesOf(ReadOnlySpan<byte> json, int complaintId)
    {
        Span<byte> needle = stackalloc byte[20];
        ",\"c\":"u8.CopyTo(needle);
        if (complaintId < 0 || !complaintId.TryFormat(needle[5..], out var digits, default, CultureInfo.InvariantCulture))
        {
            return null;
        }

        needle[5 + digits] = (byte)',';
        needle = needle[..(6 + digits)];
        var leaves = new List<LedgerLeaf>();
        var at = 0;
        for (var hit = json.IndexOf(needle); hit >= 0; hit = json[at..].IndexOf(needle))
        {
            var open = json[..(at + hit)].LastIndexOf((byte)'{');
            var close = json[(at + hit)..].IndexOf((byte)'}');
            if (open < 0 || close < 0 || !json[open..].StartsWith("{\"p\":"u8))
            {
                return null;
            }

            at += hit + close + 1;
            var leaf = JsonSerializer.Deserialize<LedgerLeaf>(json[open..at], LedgerDigestFile.Json);
            if (leaf is null || leaf.ComplaintId != complaintId)
            {
                return null;
            }

            leaves.Add(leaf);
        }

        return leaves;
    }

    private static bool Text(ref Utf8JsonReader reader, ref string value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString()!;
        return true;
    }

    private static bool Positions(ref Utf8JsonReader reader, List<long> positions)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        positions.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var position))
            {
                return false;
            }

            positions.Add(position);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>Matches the leaves after the reader's <c>[</c>; then carries the reader on from the closing <c>]</c>.</summary>
    private static bool Leaves(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, List<int> cases, out int count)
    {
        count = 0;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        cases.Clear();
        var start = (int)reader.BytesConsumed;
        var i = start;
        while (json[i..].StartsWith("{\"p\":"u8))
        {
            i += 5;
            if (!Digits(json, ref i, 18, out _) || !Skip(json, ref i, ",\"c\":"u8) || !Digits(json, ref i, 9, out var complaintId)
                || !Skip(json, ref i, ",\"s\":"u8) || !Digits(json, ref i, 9, out _) || !Skip(json, ref i, ",\"h\":\""u8) || !Hex(json, ref i)
                || !Skip(json, ref i, "\"}"u8))
            {
                return false;
            }

            cases.Add((int)complaintId);
            count++;
            if (i >= json.Length || json[i] != (byte)',')
            {
                break;
            }

            i++;
        }

        if (i >= json.Length || json[i] != (byte)']' || (count > 0 && json[i - 1] == (byte)','))
        {
            return false;
        }

        // The reader's state after '[' and the text from ']' on read as an empty array: it goes on to the next property.
        var state = reader.CurrentState;
        reader = new Utf8JsonReader(json[i..], isFinalBlock: true, state);
        return reader.Read() && reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Skip(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> expected)
    {
        if (!json[i..].StartsWith(expected))
        {
            return false;
        }

        i += expected.Length;
        return true;
    }

    /// <summary>A JSON non-negative integer of at most <paramref name="max"/> digits (no leading zero).</summary>
    private static bool Digits(ReadOnlySpan<byte> json, ref int i, int max, out long value)
    {
        value = 0;
        var start = i;
        while (i < json.Length && json[i] is >= (byte)'0' and <= (byte)'9' && i - start < max)
        {
            value = (value * 10) + (json[i] - '0');
            i++;
        }

        var digits = i - start;
        return digits > 0 && (digits == 1 || json[start] != (byte)'0') && (i >= json.Length || json[i] is not (>= (byte)'0' and <= (byte)'9'));
    }

    private static bool Hex(ReadOnlySpan<byte> json, ref int i)
    {
        while (i < json.Length && json[i] is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f')
        {
            i++;
        }

        return i < json.Length;
    }
}
