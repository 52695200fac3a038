using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// What a customer raised at a callback beyond their own case (回访中客户提出的其他问题或建议), with the case it came from and the
/// departments that worked that case: the list whoever raises improvement actions reads it from.
/// </summary>
public sealed record CallbackSuggestionRow(string CaseNumber, DateTimeOffset ReceivedAt, int? CategoryId, string Suggestion, IReadOnlyList<int> DepartmentIds);

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
        var rows = total == 0 ? [] : await withSuggestion.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CallbackSuggestionRow(c.CaseNumber, c.ReceivedAt, c.CategoryId, c.CallbackSuggestion!,
                c.Tasks.OrderBy(t => t.Id).Select(t => t.DepartmentId).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
