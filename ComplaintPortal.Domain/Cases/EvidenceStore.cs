using System.Security.Cryptography;

namespace ComplaintPortal.Domain.Cases;

/// <summary>Which evidence files are accepted: photos, audio recordings and PDF, up to a size limit.</summary>
public static class EvidencePolicy
{
    public const long MaxSizeBytes = 20L * 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".wav"] = "audio/wav",
        [".pdf"] = "application/pdf",
    };

    public static IReadOnlyCollection<string> Extensions => ContentTypes.Keys;

    /// <summary>
    /// The content type to store and serve, decided by the extension (never by what the client claims),
    /// or null when the file is not accepted.
    /// </summary>
    public static string? ContentTypeFor(string fileName, long sizeBytes)
    {
        if (sizeBytes <= 0 || sizeBytes > MaxSizeBytes)
        {
            return null;
        }

        return ContentTypes.GetValueOrDefault(Path.GetExtension(fileName ?? ""));
    }
}

/// <summary>Keeps evidence bytes in a folder outside the web root; only the case pages hand them out.</summary>
public sealed class EvidenceStore(string rootPath)
{
    public string RootPath { get; } = rootPath;

    /// <summary>Copies the upload to a new random name and returns that name with the content hash.</summary>
    public async Task<(string StoredName, string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(RootPath);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(RootPath, storedName);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        await using var read = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
        return (storedName, hash, read.Length);
    }

    public Stream Open(string storedName) => File.OpenRead(PathOf(storedName));

    /// <summary>Removes a file that was saved but never attached (the attaching step was refused).</summary>
    public void Discard(string storedName) => File.Delete(PathOf(storedName));

    private string PathOf(string storedName)
    {
        // Stored names are 32 hex digits we generated; anything else is not ours to touch.
        if (storedName.Length != 32 || !storedName.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not an evidence name.", nameof(storedName));
        }

        return Path.Combine(RootPath, storedName);
    }
}
