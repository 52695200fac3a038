using System.Security.Cryptography;
using System.Text;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The ECDSA P-256 key that signs ledger digests, kept in a PEM file outside the database (created on
/// first use, readable by the portal's account only). Anyone can check a digest with the public half,
/// which is written next to the digests; only the holder of this file can make a digest that checks.
/// </summary>
public sealed class LedgerDigestKey : IDisposable
{
    public const string PublicKeyFileName = "digest-signing-key.pub.pem";

    private readonly ECDsa key;

    private LedgerDigestKey(ECDsa key)
    {
        this.key = key;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key.</summary>
    public string KeyId { get; }

    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    public static LedgerDigestKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ecdsa = ECDsa.Create();
        if (File.Exists(path))
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
            return new LedgerDigestKey(ecdsa);
        }

        ecdsa.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, Encoding.ASCII, options);
            file.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use that one.
            ecdsa.Dispose();
            return LoadOrCreate(path);
        }

        return new LedgerDigestKey(ecdsa);
    }

    public static LedgerDigestKey FromPublicKeyPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return new LedgerDigestKey(ecdsa);
    }

    public LedgerDigest Sign(LedgerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var unsigned = digest with { KeyId = KeyId };
        var signature = key.SignData(Encoding.UTF8.GetBytes(unsigned.SignedText()), HashAlgorithmName.SHA256);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    public bool Verify(LedgerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!string.Equals(digest.KeyId, KeyId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(digest.SignedText()), Convert.FromBase64String(digest.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => key.Dispose();
}
