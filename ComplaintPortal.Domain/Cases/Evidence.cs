namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Metadata of an evidence file (photo, recording, PDF). The bytes live outside the web root under
/// <see cref="StoredName"/>, a random name, so a client-supplied file name never reaches the file system.
/// </summary>
public sealed class Evidence
{
    public const int FileNameMaxLength = 200;

    private Evidence()
    {
    }

    internal Evidence(string fileName, string contentType, long sizeBytes, string storedName, string sha256, string uploadedByUserId, DateTimeOffset uploadedAt)
    {
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StoredName = storedName;
        Sha256 = sha256;
        UploadedByUserId = uploadedByUserId;
        UploadedAt = uploadedAt;
    }

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string StoredName { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public string UploadedByUserId { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
