namespace ComplaintPortal.Domain.Supervision;

/// <summary>One department's part in a case closed in the period, and the handler who reported back for it.</summary>
public sealed record DepartmentShare(int DepartmentId, bool OnTime, string? HandlerUserId, string? HandlerName);

public sealed record HandledCaseFact(int ComplaintId, bool? Satisfied, bool Reopened, IReadOnlyList<DepartmentShare> Shares);

public sealed record CheckResultFact(string ItemCode, CheckOutcome Outcome, int? ResponsibleDepartmentId);

/// <summary>A completed spot check: the departments that took part in the case, and the results.</summary>
public sealed record CheckFact(IReadOnlyList<int> TakingPart, IReadOnlyList<CheckResultFact> Results);

public sealed record NoticeFact(int DepartmentId, NoticeStatus Status, bool WentOverdue);

public sealed record ItemWording(string Code, string TextZhHans, string TextZhHant, string TextEn);

/// <summary>
/// Computes <see cref="PeriodFigures"/> from facts. A passed item counts for every department that took part
/// in the case; a failed item only against the department found responsible; not applicable for nobody's rate.
/// </summary>
public static class RewardPenaltyFigures
{
    public static PeriodFigures Compute(string periodKey, DateTimeOffset computedAt, IReadOnlyList<HandledCaseFact> cases,
        IReadOnlyList<CheckFact> checks, IReadOnlyList<NoticeFact> notices, IReadOnlyList<ItemWording> wording)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(wording);
        var departmentIds = cases.SelectMany(c => c.Shares.Select(s => s.DepartmentId))
            .Concat(checks.SelectMany(c => c.TakingPart))
            .Concat(checks.SelectMany(c => c.Results).Where(r => r.ResponsibleDepartmentId is not null).Select(r => r.ResponsibleDepartmentId!.Value))
            .Concat(notices.Select(n => n.DepartmentId))
            .Distinct().Order().ToList();

        var departments = departmentIds.Select(id => new DepartmentFigures(
                id,
                Count(cases.Where(c => c.Shares.Any(s => s.DepartmentId == id)).Select(c => (c, c.Shares.Where(s => s.DepartmentId == id).All(s => s.OnTime)))),
                Tally(checks.SelectMany(c => c.Results.Where(r => CountsFor(id, c, r))), wording),
                Notices(notices.Where(n => n.DepartmentId == id))))
            .ToList();

        var handlers = cases
            .SelectMany(c => c.Shares.Where(s => s.HandlerUserId is not null).Select(s => (Case: c, Share: s)))
            .GroupBy(x => (x.Share.HandlerUserId!, x.Share.DepartmentId))
            .Select(g => new HandlerFigures(g.Key.Item1, g.Last().Share.HandlerName ?? g.Key.Item1, g.Key.DepartmentId,
                Count(g.Select(x => (x.Case, x.Share.OnTime)))))
            .OrderBy(h => h.DepartmentId).ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.UserId, StringComparer.Ordinal)
            .ToList();

        var items = Tally(checks.SelectMany(c => c.Results), wording);
        return new PeriodFigures(periodKey, computedAt, departments, handlers, items);
    }

    private static bool CountsFor(int departmentId, CheckFact check, CheckResultFact result) => result.Outcome switch
    {
        CheckOutcome.Fail => result.ResponsibleDepartmentId == departmentId,
        CheckOutcome.Pass or CheckOutcome.NotApplicable => check.TakingPart.Contains(departmentId),
        _ => false,
    };

    private static CaseCounts Count(IEnumerable<(HandledCaseFact Case, bool OnTime)> handled)
    {
        var list = handled.ToList();
        return new CaseCounts(list.Count, list.Count(x => x.OnTime), list.Count(x => x.Case.Satisfied is not null),
            list.Count(x => x.Case.Satisfied == true), list.Count(x => x.Case.Reopened));
    }

    private static List<ItemTally> Tally(IEnumerable<CheckResultFact> results, IReadOnlyList<ItemWording> wording)
    {
        var order = wording.Select((w, i) => (w.Code, i)).GroupBy(x => x.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        return results.GroupBy(r => r.ItemCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var text = wording.LastOrDefault(w => w.Code == g.Key) ?? new ItemWording(g.Key, g.Key, g.Key, g.Key);
                return new ItemTally(g.Key, text.TextZhHans, text.TextZhHant, text.TextEn, g.Count(r => r.Outcome == CheckOutcome.Pass),
                    g.Count(r => r.Outcome == CheckOutcome.Fail), g.Count(r => r.Outcome == CheckOutcome.NotApplicable));
            })
            .OrderBy(t => order.GetValueOrDefault(t.ItemCode, int.MaxValue)).ThenBy(t => t.ItemCode, StringComparer.Ordinal)
            .ToList();
    }

    private static NoticeCounts Notices(IEnumerable<NoticeFact> notices)
    {
        var list = notices.ToList();
        return new NoticeCounts(list.Count, list.Count(n => n.Status == NoticeStatus.Closed), list.Count(n => n.WentOverdue));
    }
}
