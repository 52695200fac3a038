using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;

namespace ComplaintPortal.Domain.Archive;

/// <summary>The file's content (檔案內容): registration record, process records (ledger), result and callback records, evidence list.</summary>
public sealed record ArchiveContent(
    ArchiveRegistration Registration,
    IReadOnlyList<ArchiveLedgerLine> Ledger,
    ArchiveResult Result,
    ArchiveCallback Callback,
    IReadOnlyList<ArchiveTask> Tasks,
    IReadOnlyList<EvidenceSeal> Evidence)
{
    // Chinese text stays readable in the stored file (and half the size) instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ArchiveContent? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ArchiveContent>(json, Json);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ArchiveContent Of(Complaint complaint, IEnumerable<DepartmentTask> tasks, IReadOnlyList<LedgerEvent> ledger, IReadOnlyList<EvidenceSeal> evidence)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(ledger);
        var p = complaint.Complainant;
        var s = complaint.Subject;
        return new(
            new(complaint.CaseNumber, complaint.ReceivedAt, complaint.Channel, p.Name, p.Phone, p.Email, p.Address, p.CustomerGroup,
                s.ProductModel, s.Batch, s.PurchaseDate, s.OrderNumber, s.Location, s.Facility, complaint.Description, complaint.CustomerRequest,
                complaint.RecordedByName, complaint.RecordedAt, complaint.CategoryId, complaint.Severity, complaint.Urgency),
            ledger.Select(e => new ArchiveLedgerLine(e.Sequence, e.OccurredAt, e.ActorName, e.DepartmentId, e.Action, e.FromStage, e.ToStage, e.Note, e.Hash)).ToList(),
            new(complaint.Stage, complaint.ReplyChannel, complaint.ReplyText, complaint.RepliedAt, complaint.ClosureReason, complaint.ClosedAt),
            new(complaint.SatisfiedWithResult, complaint.SatisfiedWithAttitude, complaint.CallbackRemarks, complaint.ReopenCount, complaint.CallbackSuggestion),
            tasks.OrderBy(t => t.Id).Select(t => new ArchiveTask(t.DepartmentId, t.OwnerName, t.Findings, t.RootCause, t.SolutionMeasures,
                t.SolutionResponsible, t.Implementation, t.Feedback, t.ReportedAt)).ToList(),
            evidence);
    }
}

public sealed record ArchiveRegistration(
    string CaseNumber, DateTimeOffset ReceivedAt, ComplaintChannel Channel,
    string ComplainantName, string? Phone, string? Email, string? Address, string? CustomerGroup,
    string? ProductModel, string? Batch, DateOnly? PurchaseDate, string? OrderNumber, string? Location, string? Facility,
    string Description, string? CustomerRequest, string RecordedByName, DateTimeOffset RecordedAt,
    int? CategoryId, Severity? Severity, Urgency? Urgency);

public sealed record ArchiveLedgerLine(int Sequence, DateTimeOffset OccurredAt, string ActorName, int? DepartmentId, string Action,
    string? FromStage, string? ToStage, string? Note, string Hash);

public sealed record ArchiveResult(CaseStage Stage, ReplyChannel? ReplyChannel, string? ReplyText, DateTimeOffset? RepliedAt, string? ClosureReason, DateTimeOffset? ClosedAt);

/// <param name="Suggestion">Other problems or suggestions the customer raised (absent from files archived before they were kept).</param>
public sealed record ArchiveCallback(bool? SatisfiedWithResult, bool? SatisfiedWithAttitude, string? Remarks, int ReopenCount, string? Suggestion = null);

public sealed record ArchiveTask(int DepartmentId, string? OwnerName, string? Findings, string? RootCause, string? SolutionMeasures,
    string? SolutionResponsible, string? Implementation, string? Feedback, DateTimeOffset? ReportedAt);

/// <summary>An evidence file as archived: the hash recorded at upload and the hash measured from the stored bytes at archiving.</summary>
public sealed record EvidenceSeal(int EvidenceId, string FileName, string ContentType, long SizeBytes, string StoredName, string RecordedSha256, string? MeasuredSha256)
{
    public bool Matches => string.Equals(RecordedSha256, MeasuredSha256, StringComparison.Ordinal);

    public static string ToJson(IReadOnlyList<EvidenceSeal> seals) => JsonSerializer.Serialize(seals, Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IReadOnlyList<EvidenceSeal> FromJson(string json) => JsonSerializer.Deserialize<List<EvidenceSeal>>(json) ?? [];
}

/// <summary>What a version is made of, measured in one pass.</summary>
public sealed record ArchiveSnapshot(int LedgerEventCount, string? LedgerHeadHash, bool LedgerIntact, string? LedgerFinding,
    string ContentJson, string ContentSha256, string EvidenceSealsJson);
