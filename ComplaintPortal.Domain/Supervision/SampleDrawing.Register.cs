using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>Which draws the committee's register shows.</summary>
public enum DrawShown
{
    All = 0,
    Active = 1,
    Discarded = 2,
}

/// <summary>What the draws' register is sorted by.</summary>
public enum DrawOrder
{
    /// <summary>When the draw was made.</summary>
    DrawnAt = 0,

    /// <summary>The start of the period drawn from.</summary>
    Period = 1,
}

/// <summary>Which of a draw's cases its list shows, by the state of their checks.</summary>
public enum DrawnCaseShown
{
    All = 0,
    ToCheck = 1,
    Checked = 2,
    Cancelled = 3,
}

/// <summary>What a draw's list of cases is sorted by.</summary>
public enum DrawnCaseOrder
{
    /// <summary>The order the cases were drawn in.</summary>
    DrawOrder = 0,

    /// <summary>The case number.</summary>
    Case = 1,

    /// <summary>When the check was completed (cases not checked last).</summary>
    CheckedAt = 2,
}

/// <summary>One draw as its register and its page head show it: the parameters, how many cases it drew and how many are checked.</summary>
public sealed record DrawSummary(int Id, ReportPeriod Period, SampleDrawStatus Status, SamplePlan Plan, int Seed, int CandidateCount, int Drawn,
    int Checked, string DrawnByName, DateTimeOffset DrawnAt, string? DiscardedByName, DateTimeOffset? DiscardedAt, string? DiscardReason)
{
    /// <summary>The checks still to do (none once discarded: they were cancelled).</summary>
    public int ToCheck => Status == SampleDrawStatus.Active ? Drawn - Checked : 0;

    /// <summary>An active draw none of whose checks is complete may be discarded, with a reason.</summary>
    public bool Discardable => Status == SampleDrawStatus.Active && Checked == 0;
}

/// <summary>One case of a draw: where it was drawn from, its risks, who checks it and how far the check is.</summary>
public sealed record DrawnCaseRow(int SampledCaseId, int DrawOrder, int ComplaintId, string CaseNumber, int? DepartmentId, int? CategoryId,
    CaseRisk Risk, CheckStatus Status, string CheckerName, DateTimeOffset? CheckedAt, int Findings);

/// <summary>How many draws there are in each of the register's views.</summary>
public sealed record DrawViewCounts(int All, int Active, int Discarded)
{
    public static DrawViewCounts None { get; } = new(0, 0, 0);

    public int Of(DrawShown shown) => shown switch
    {
        DrawShown.Active => Active,
        DrawShown.Discarded => Discarded,
        _ => All,
    };
}

/// <summary>How many of a draw's cases there are in each of its list's views.</summary>
public sealed record DrawnCaseCounts(int All, int ToCheck, int Checked, int Cancelled)
{
    public static DrawnCaseCounts None { get; } = new(0, 0, 0, 0);

    public int Of(DrawnCaseShown shown) => shown switch
    {
        DrawnCaseShown.ToCheck => ToCheck,
        DrawnCaseShown.Checked => Checked,
        DrawnCaseShown.Cancelled => Cancelled,
        _ => All,
    };
}

public sealed partial class SampleDrawing
{
    /// <summary>
    /// One page of draws (committee only; nobody else sees any), filtered and sorted on the database, and how many the view
    /// holds. Ties are broken by the draw's id, so pages neither repeat nor skip a draw.
    /// </summary>
    public async Task<(IReadOnlyList<DrawSummary> Rows, int Total)> DrawPageAsync(ActingUser actor, DrawShown shown, DrawOrder order, bool descending,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        if (!Committee.IsMember(actor))
        {
            return ([], 0);
        }

        var draws = Shown(db.SampleDraws.AsNoTracking(), shown);
        var total = await draws.CountAsync(cancellationToken);
        var sorted = (order, descending) switch
        {
            (DrawOrder.Period, false) => draws.OrderBy(d => d.PeriodStart).ThenBy(d => d.Id),
            (DrawOrder.Period, true) => draws.OrderByDescending(d => d.PeriodStart).ThenByDescending(d => d.Id),
            (_, false) => draws.OrderBy(d => d.DrawnAt).ThenBy(d => d.Id),
            _ => draws.OrderByDescending(d => d.DrawnAt).ThenByDescending(d => d.Id),
        };
        return (await Summaries(sorted.Skip(skip).Take(take)).ToListAsync(cancellationToken), total);
    }

    public async Task<DrawViewCounts> DrawCountsAsync(ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return DrawViewCounts.None;
        }

        var byStatus = await db.SampleDraws.AsNoTracking().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var active = byStatus.GetValueOrDefault(SampleDrawStatus.Active);
        var discarded = byStatus.GetValueOrDefault(SampleDrawStatus.Discarded);
        return new DrawViewCounts(active + discarded, active, discarded);
    }

    /// <summary>The active draws (one a period at most): the form says before a click that a period already has one.</summary>
    public async Task<IReadOnlyList<DrawSummary>> ActiveDrawsAsync(ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Committee.IsMember(actor)
            ? await Summaries(Shown(db.SampleDraws.AsNoTracking(), DrawShown.Active).OrderByDescending(d => d.PeriodStart).ThenByDescending(d => d.Id))
                .ToListAsync(cancellationToken)
            : [];
    }

    /// <summary>One draw's summary for its page; null for anyone but a committee member, or an unknown draw.</summary>
    public async Task<DrawSummary?> FindAsync(int drawId, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Committee.IsMember(actor)
            ? await Summaries(db.SampleDraws.AsNoTracking().Where(d => d.Id == drawId)).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    /// <summary>
    /// One page of a draw's cases with their case numbers (committee only), filtered by their checks' state and sorted on the
    /// database, and how many the view holds. Ties are broken by the draw order.
    /// </summary>
    public async Task<(IReadOnlyList<DrawnCaseRow> Rows, int Total)> CasePageAsync(int drawId, ActingUser actor, DrawnCaseShown shown,
        DrawnCaseOrder order, bool descending, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        if (!Committee.IsMember(actor))
        {
            return ([], 0);
        }

        var cases = db.SampledCases.AsNoTracking().Where(s => s.SampleDrawId == drawId);
        cases = shown switch
        {
            DrawnCaseShown.ToCheck => cases.Where(s => s.CheckStatus == CheckStatus.Pending),
            DrawnCaseShown.Checked => cases.Where(s => s.CheckStatus == CheckStatus.Completed),
            DrawnCaseShown.Cancelled => cases.Where(s => s.CheckStatus == CheckStatus.Cancelled),
            _ => cases,
        };
        var total = await cases.CountAsync(cancellationToken);
        var rows = cases.Join(db.Complaints, s => s.ComplaintId, c => c.Id, (s, c) => new { s, c.CaseNumber });
        var sorted = (order, descending) switch
        {
            (DrawnCaseOrder.Case, false) => rows.OrderBy(x => x.CaseNumber).ThenBy(x => x.s.DrawOrder),
            (DrawnCaseOrder.Case, true) => rows.OrderByDescending(x => x.CaseNumber).ThenBy(x => x.s.DrawOrder),
            // Unchecked cases after the checked ones, whichever way the checked ones run.
            (DrawnCaseOrder.CheckedAt, false) => rows.OrderBy(x => x.s.CheckedAt == null).ThenBy(x => x.s.CheckedAt).ThenBy(x => x.s.DrawOrder),
            (DrawnCaseOrder.CheckedAt, true) => rows.OrderBy(x => x.s.CheckedAt == null).ThenByDescending(x => x.s.CheckedAt).ThenBy(x => x.s.DrawOrder),
            (_, false) => rows.OrderBy(x => x.s.DrawOrder),
            _ => rows.OrderByDescending(x => x.s.DrawOrder),
        };
        var page = await sorted.Skip(skip).Take(take)
            .Select(x => new DrawnCaseRow(x.s.Id, x.s.DrawOrder, x.s.ComplaintId, x.CaseNumber, x.s.StratumDepartmentId, x.s.StratumCategoryId,
                x.s.Risk, x.s.CheckStatus, x.s.CheckerName, x.s.CheckedAt, x.s.Results.Count(r => r.Outcome == CheckOutcome.Fail)))
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<DrawnCaseCounts> CaseCountsAsync(int drawId, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return DrawnCaseCounts.None;
        }

        var byStatus = await db.SampledCases.AsNoTracking().Where(s => s.SampleDrawId == drawId).GroupBy(s => s.CheckStatus)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var toCheck = byStatus.GetValueOrDefault(CheckStatus.Pending);
        var done = byStatus.GetValueOrDefault(CheckStatus.Completed);
        var cancelled = byStatus.GetValueOrDefault(CheckStatus.Cancelled);
        return new DrawnCaseCounts(toCheck + done + cancelled, toCheck, done, cancelled);
    }

    private static IQueryable<SampleDraw> Shown(IQueryable<SampleDraw> draws, DrawShown shown) => shown switch
    {
        DrawShown.Active => draws.Where(d => d.Status == SampleDrawStatus.Active),
        DrawShown.Discarded => draws.Where(d => d.Status == SampleDrawStatus.Discarded),
        _ => draws,
    };

    private static IQueryable<DrawSummary> Summaries(IQueryable<SampleDraw> draws) => draws.Select(d => new DrawSummary(d.Id,
        new ReportPeriod(d.PeriodKind, d.PeriodYear, d.PeriodNumber), d.Status,
        new SamplePlan(d.SizeMode, d.RequestedSize, d.MinimumPerStratum, d.RiskWeighted), d.Seed, d.CandidateCount,
        d.Cases.Count(), d.Cases.Count(c => c.CheckStatus == CheckStatus.Completed), d.DrawnByName, d.DrawnAt, d.DiscardedByName, d.DiscardedAt,
        d.DiscardReason));
}
