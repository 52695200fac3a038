namespace ComplaintPortal.Web.Features.Cases.EvidenceFiles;

public enum EvidenceKind
{
    Other = 0,
    Image = 1,
    Pdf = 2,
    Audio = 3,
}

/// <summary>How the case page previews a stored content type (types come from EvidencePolicy, never from the client).</summary>
public static class EvidenceKinds
{
    public static EvidenceKind Of(string contentType) => contentType switch
    {
        "image/jpeg" or "image/png" => EvidenceKind.Image,
        "application/pdf" => EvidenceKind.Pdf,
        "audio/mpeg" or "audio/mp4" or "audio/wav" => EvidenceKind.Audio,
        _ => EvidenceKind.Other,
    };

    public static string Icon(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Image => MudBlazor.Icons.Material.Outlined.Image,
        EvidenceKind.Pdf => MudBlazor.Icons.Material.Outlined.PictureAsPdf,
        EvidenceKind.Audio => MudBlazor.Icons.Material.Outlined.Audiotrack,
        EvidenceKind.Other => MudBlazor.Icons.Material.Outlined.InsertDriveFile,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
