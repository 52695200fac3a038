using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>A period's figures as the viewer may see them: the frozen publication, or (committee only) a live computation.</summary>
public sealed record FiguresView(ReportPeriod Period, PeriodFigures Figures, FiguresPublication? Publication)
{
    public bool IsPublished => Publication is not null;
}

/// <summary>Before publishing: whether the period was sampled, and how many of its checks are still open.</summary>
public sealed record PublishReadiness(bool HasDraw, int PendingChecks);

/// <summary>
/// Publishes a period's reward-and-penalty figures once the period is over. From then on everyone sees the
/// stored snapshot (leadership and department heads only ever see published figures), and it cannot change:
/// there is one publication per period, and publications are never updated or deleted.
/// </summary>
public sealed class FiguresPublishing(PortalDbContext db, TimeProvider time)
{
    public async Task<FiguresView?> GetAsync(ReportPeriod period, TimeZoneInfo zone, ActingUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!Committee.MaySeePublishedFigures(viewer))
        {
            return null;
        }

        var key = SampleDraw.PeriodKey(period);
        var publication = await db.FiguresPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PeriodKey == key, cancellationToken);
        if (publication is not null)
        {
            return new FiguresView(period, ForViewer(publication.Figures(), viewer), publication);
        }

        return Committee.IsMember(viewer)
            ? new FiguresView(period, await new FiguresReport(db).ComputeAsync(period, zone, time.GetUtcNow(), cancellationToken), null)
            : null;
    }

    /// <summary>The published periods, newest first.</summary>
    public async Task<IReadOnlyList<FiguresPublication>> PublishedAsync(ActingUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!Committee.MaySeePublishedFigures(viewer))
        {
            return [];
        }

        return await db.FiguresPublications.AsNoTracking().OrderByDescending(p => p.PublishedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What publishing the period now would leave out, for the committee to weigh before it freezes the figures:
    /// whether the period has an active draw at all, and how many of its drawn cases are still waiting for their check
    /// (only completed checks count towards the pass rates).
    /// </summary>
    public async Task<PublishReadiness> ReadinessAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (kind, year, number) = (period.Kind, period.Year, period.Number);
        var hasDraw = await db.SampleDraws.AnyAsync(d => d.Status == SampleDrawStatus.Active && d.PeriodKind == kind
            && d.PeriodYear == year && d.PeriodNumber == number, cancellationToken);
        var pending = await db.SampledCases.CountAsync(s => s.CheckStatus == CheckStatus.Pending && s.Draw!.Status == SampleDrawStatus.Active
            && s.Draw.PeriodKind == kind && s.Draw.PeriodYear == year && s.Draw.PeriodNumber == number, cancellationToken);
        return new PublishReadiness(hasDraw, pending);
    }

    public async Task<SupervisionResult<FiguresPublication>> PublishAsync(ReportPeriod period, TimeZoneInfo zone, ActingUser member,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(member);
        if (!Committee.IsMember(member))
        {
            return SupervisionResult<FiguresPublication>.Fail(SupervisionError.NotPermitted);
        }

        var now = time.GetUtcNow();
        if (period.UtcRange(zone).To > now)
        {
            return SupervisionResult<FiguresPublication>.Fail(SupervisionError.PeriodNotOver);
        }

        var key = SampleDraw.PeriodKey(period);
        if (await db.FiguresPublications.AnyAsync(p => p.PeriodKey == key, cancellationToken))
        {
            return SupervisionResult<FiguresPublication>.Fail(SupervisionError.AlreadyPublished);
        }

        var figures = await new FiguresReport(db).ComputeAsync(period, zone, now, cancellationToken);
        var publication = new FiguresPublication(period, figures, member, now);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.FiguresPublications.Add(publication);
            await db.SaveChangesAsync(cancellationToken);
            SupervisionRecord.Log(db, now, member, SupervisionAction.FiguresPublished, publication.Id,
                $"period={key}; sha256={publication.SnapshotHash}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // Another member published this period at the same moment (the period key is unique).
            db.ChangeTracker.Clear();
            return SupervisionResult<FiguresPublication>.Fail(SupervisionError.AlreadyPublished);
        }

        return SupervisionResult<FiguresPublication>.Ok(publication);
    }

    /// <summary>Per-handler rows are personal: a department head sees only those of their own department.</summary>
    private static PeriodFigures ForViewer(PeriodFigures figures, ActingUser viewer) =>
        figures with { Handlers = figures.Handlers.Where(h => Committee.MaySeeHandlersOf(h.DepartmentId, viewer)).ToList() };
}
