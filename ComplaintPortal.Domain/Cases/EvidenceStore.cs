using System.Security.Cryptography;
using ComplaintPortal.Domain.Validation;

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
        if (sizeBytes <= 0 || sizeBytes > MaxSizeBytes || !IsPlainName(fileName))
        {
            return null;
        }

        return ContentTypes.GetValueOrDefault(Path.GetExtension(fileName ?? ""));
    }

    /// <summary>The file's own name, without the folders a browser or a forged request put in front (either separator).</summary>
    public static string PlainName(string? fileName)
    {
        var name = fileName ?? "";
        return name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    /// <summary>Whether a name can be kept and shown as it is: one clean line, no folder, within the column.</summary>
    public static bool IsPlainName(string? fileName) =>
        fileName is { Length: > 0 and <= Evidence.FileNameMaxLength } && fileName.IndexOfAny(['/', '\\']) < 0
        && TextRules.IsClean(fileName, TextShape.SingleLine);

    /// <summary>Whether a stored name is one the store made (32 hex digits) and a hash is a SHA-256 in hex.</summary>
    public static bool IsStoredFile(string? storedName, string? sha256) =>
        storedName is { Length: 32 } && storedName.All(Uri.IsHexDigit) && sha256 is { Length: 64 } && sha256.All(Uri.IsHexDigit);
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
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            // A broken or cancelled upload (or one that sent more than it announced) leaves nothing behind.
            File.Delete(path);
            throw;
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
