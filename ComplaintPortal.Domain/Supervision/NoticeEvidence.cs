using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// A file a department head gave with an answer to a rectification notice (a test report, a photo of the
/// fix). Kept like case evidence: the bytes in the <see cref="EvidenceStore"/> under a random name, the
/// type decided by <see cref="EvidencePolicy"/>, the SHA-256 taken when it arrived. A later answer (after a
/// send-back) adds files; earlier ones stay, so the committee sees everything it was shown.
/// </summary>
public sealed class NoticeEvidence
{
    private NoticeEvidence()
    {
    }

    internal NoticeEvidence(int noticeId, NewEvidence file, ActingUser head, DateTimeOffset at)
    {
        RectificationNoticeId = noticeId;
        FileName = file.FileName;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        StoredName = file.StoredName;
        Sha256 = file.Sha256;
        UploadedByUserId = head.UserId;
        UploadedByName = head.Name;
        UploadedAt = at;
    }

    public int Id { get; private set; }

    public int RectificationNoticeId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string StoredName { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public string UploadedByUserId { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// The same limits as case evidence, checked again here (not only in the browser or the upload): an accepted
    /// type and size whose content type is the one the policy gives, a stored name of ours and a SHA-256.
    /// </summary>
    public static bool IsAcceptable(NewEvidence file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FileName.Length is > 0 and <= Evidence.FileNameMaxLength
            && !file.FileName.Any(char.IsControl)
            && EvidencePolicy.ContentTypeFor(file.FileName, file.SizeBytes) == file.ContentType
            && file.StoredName.Length == 32 && file.StoredName.All(Uri.IsHexDigit)
            && file.Sha256.Length == 64 && file.Sha256.All(Uri.IsHexDigit);
    }
}
