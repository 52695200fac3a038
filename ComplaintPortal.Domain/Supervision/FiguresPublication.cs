using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// A period's reward-and-penalty figures as the committee published them: a frozen snapshot (JSON, with its
/// SHA-256) that is shown from then on instead of a fresh computation. One per period (unique key); never
/// changed or deleted (<see cref="AppendOnlySupervisionInterceptor"/> and triggers).
/// </summary>
public sealed class FiguresPublication
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private FiguresPublication()
    {
    }

    internal FiguresPublication(ReportPeriod period, PeriodFigures figures, ActingUser publishedBy, DateTimeOffset publishedAt)
    {
        PeriodKind = period.Kind;
        PeriodYear = period.Year;
        PeriodNumber = period.Number;
        PeriodKey = SampleDraw.PeriodKey(period);
        PublishedByUserId = publishedBy.UserId;
        PublishedByName = publishedBy.Name;
        PublishedAt = publishedAt;
        Snapshot = JsonSerializer.Serialize(figures, Json);
        SnapshotHash = Hash(Snapshot);
    }

    public int Id { get; private set; }

    public ReportPeriodKind PeriodKind { get; private set; }

    public int PeriodYear { get; private set; }

    public int PeriodNumber { get; private set; }

    public string PeriodKey { get; private set; } = "";

    public string PublishedByUserId { get; private set; } = "";

    public string PublishedByName { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string Snapshot { get; private set; } = "";

    public string SnapshotHash { get; private set; } = "";

    public ReportPeriod Period => new(PeriodKind, PeriodYear, PeriodNumber);

    /// <summary>Whether the stored snapshot still matches the hash taken when it was published.</summary>
    public bool IsIntact => string.Equals(Hash(Snapshot), SnapshotHash, StringComparison.Ordinal);

    public PeriodFigures Figures() =>
        JsonSerializer.Deserialize<PeriodFigures>(Snapshot, Json) ?? throw new InvalidOperationException("Empty figures snapshot.");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
