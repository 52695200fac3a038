using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Cases.EvidenceFiles;

/// <summary>What the evidence limits and files are called on screen.</summary>
public static class EvidenceText
{
    public static string KindName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Image => CaseText.Evidence_Kind_Image,
        EvidenceKind.Pdf => CaseText.Evidence_Kind_Pdf,
        EvidenceKind.Audio => CaseText.Evidence_Kind_Audio,
        EvidenceKind.Other => CaseText.Evidence_Kind_Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>"1.5 MB", "320 KB", "52 B" in the current culture.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / 1024.0 / 1024.0),
        >= 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.#} KB", bytes / 1024.0),
        _ => string.Format(CultureInfo.CurrentCulture, "{0} B", bytes),
    };

    /// <summary>The accepted types for the file picker (".jpg,.png,...").</summary>
    public static string Accept => string.Join(',', EvidencePolicy.Extensions);

    /// <summary>"JPG, PNG, ..." for hints.</summary>
    public static string Types => string.Join(", ", EvidencePolicy.Extensions.Select(e => e.TrimStart('.').ToUpperInvariant()).Where(e => e != "JPEG"));

    public static string Limit => Size(EvidencePolicy.MaxSizeBytes);

    /// <summary>
    /// Why <see cref="EvidencePolicy"/> refuses the file, said so a person knows what to do (the limit or the
    /// accepted types), or null when it is accepted.
    /// </summary>
    public static string? Refusal(string fileName, long sizeBytes)
    {
        if (EvidencePolicy.ContentTypeFor(fileName, sizeBytes) is not null)
        {
            return null;
        }

        if (!EvidencePolicy.IsPlainName(fileName))
        {
            return string.Format(CultureInfo.CurrentCulture, CaseText.Evidence_BadName, Validation.InputMessages.Printable(fileName));
        }

        if (sizeBytes > EvidencePolicy.MaxSizeBytes)
        {
            return string.Format(CultureInfo.CurrentCulture, CaseText.Evidence_TooLarge, fileName, Size(sizeBytes), Limit);
        }

        return sizeBytes <= 0
            ? string.Format(CultureInfo.CurrentCulture, CaseText.Evidence_Empty, fileName)
            : string.Format(CultureInfo.CurrentCulture, CaseText.Evidence_WrongType, fileName, Types);
    }
}
