using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// What a customer raised at a callback beyond their own case (回访中客户提出的其他问题或建议), with the case it came from and the
/// departments that worked that case: the list whoever raises improvement actions reads it from.
/// </summary>
public sealed record CallbackSuggestionRow(int ComplaintId, string CaseNumber, DateTimeOffset ReceivedAt, int? CategoryId, string Suggestion,
    IReadOnlyList<int> DepartmentIds)
{
    /// <summary>The improvement actions raised from it that the reader may see, oldest first.</summary>
    public IReadOnlyList<SuggestionAction> Actions { get; init; } = [];
}

/// <summary>An improvement action raised from a callback suggestion: its department and where it stands.</summary>
public sealed record SuggestionAction(int Id, int DepartmentId, ImprovementStatus Status);

public sealed partial class ComplaintStatistics
{
    /// <summary>
    /// One page of the callback suggestions of the complaints received in <paramref name="period"/> (those the period's other
    /// figures count), newest first, and how many there are.
    /// </summary>
    /// <param name="departmentId">A department head's own department, as given to <see cref="ReadAsync"/>.</param>
    public async Task<(IReadOnlyList<CallbackSuggestionRow> Rows, int Total)> SuggestionsAsync(ReportPeriod period, TimeZoneInfo zone, int? departmentId,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var (from, to) = period.UtcRange(zone);
        var withSuggestion = Received(from, to, departmentId).Where(c => c.CallbackSuggestion != null);
        var total = await withSuggestion.CountAsync(cancellationToken);
        if (total == 0)
        {
            return ([], 0);
        }

        var rows = await withSuggestion.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CallbackSuggestionRow(c.Id, c.CaseNumber, c.ReceivedAt, c.CategoryId, c.CallbackSuggestion!,
                c.Tasks.OrderBy(t => t.Id).Select(t => t.DepartmentId).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // A head sees only their own department's actions, as on the actions' list.
        var ids = rows.Select(r => (int?)r.ComplaintId).ToList();
        var actions = (await db.ImprovementActions.AsNoTracking()
            .Where(a => ids.Contains(a.SourceComplaintId) && (departmentId == null || a.DepartmentId == departmentId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.SourceComplaintId, Action = new SuggestionAction(a.Id, a.DepartmentId, a.Status) })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.SourceComplaintId!.Value, a => a.Action);
        return ([.. rows.Select(r => r with { Actions = [.. actions[r.ComplaintId]] })], total);
    }
}
