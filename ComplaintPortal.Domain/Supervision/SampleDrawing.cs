using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <param name="Seed">A seed to use (to repeat a draw elsewhere); none: a fresh one, recorded with the draw.</param>
/// <param name="ChecklistTemplateId">The checklist whose current version the checks use; none: the default one.</param>
public sealed record SampleRequest(ReportPeriod Period, SamplePlan Plan, int? Seed = null, int? ChecklistTemplateId = null);

/// <summary>A draw done again from its record: whether the same cases come out.</summary>
public sealed record SampleReproduction(bool Matches, IReadOnlyList<int> Recorded, IReadOnlyList<int> Reproduced);

/// <summary>
/// Draws and discards spot-check samples. A draw writes its parameters and seed to the supervision log and a
/// line to each drawn case's ledger; a discard keeps the draw (marked, with the reason) and writes the same.
/// A period has one active draw: drawing again needs the active one discarded first, so nothing is redrawn quietly.
/// Both are published to <paramref name="feed"/> once committed.
/// </summary>
public sealed partial class SampleDrawing(PortalDbContext db, TimeProvider time, SpotCheckFeed? feed = null)
{
    public async Task<SupervisionResult<SampleDraw>> DrawAsync(SampleRequest request, TimeZoneInfo zone, ActingUser actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.NotPermitted);
        }

        if (!request.Plan.IsValid || request.Seed < 0)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.InvalidSampleSize);
        }

        var now = time.GetUtcNow();
        var (from, to) = request.Period.UtcRange(zone);
        if (now <= from)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.PeriodNotStarted);
        }

        var key = SampleDraw.PeriodKey(request.Period);
        if (await db.SampleDraws.AnyAsync(d => d.ActivePeriod == key, cancellationToken))
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.ActiveSampleExists);
        }

        var checklist = await ChecklistBook.CurrentVersionAsync(db, request.ChecklistTemplateId, cancellationToken);
        if (checklist is null)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.ChecklistNotFound);
        }

        var before = to < now ? to : now;
        var candidates = await SampleCandidates.LoadAsync(db, from, before, cancellationToken);
        if (candidates.Count == 0)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.NoCandidates);
        }

        var seed = request.Seed ?? Random.Shared.Next();
        var draw = new SampleDraw(request.Period, from, before, request.Plan, seed, checklist.Id, candidates.Count, actor, now);
        foreach (var drawn in SampleAlgorithm.Draw(candidates, request.Plan, seed))
        {
            draw.Add(new SampledCase(drawn.Candidate.ComplaintId, drawn.DrawOrder, drawn.Candidate.DepartmentId, drawn.Candidate.CategoryId,
                drawn.Candidate.Risk, drawn.Weight, actor.UserId, actor.Name));
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.SampleDraws.Add(draw);
            await db.SaveChangesAsync(cancellationToken);
            SupervisionRecord.Log(db, now, actor, SupervisionAction.SampleDrawn, draw.Id, draw.Describe());
            foreach (var sampled in draw.Cases)
            {
                await SupervisionRecord.LedgerAsync(db, sampled.ComplaintId, now, actor, SupervisionLedgerActions.SpotCheckDrawn,
                    string.Create(CultureInfo.InvariantCulture, $"sample={draw.Id}; period={key}; seed={seed}; order={sampled.DrawOrder}"),
                    cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // Another member drew for this period at the same moment (the active-period key is unique).
            db.ChangeTracker.Clear();
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.ActiveSampleExists);
        }

        feed?.Publish(new SpotCheckChange(SpotCheckChangeKind.Drawn, draw.Id));
        return SupervisionResult<SampleDraw>.Ok(draw);
    }

    /// <summary>Sets an unchecked draw aside with a reason; it stays on the record, and the period can be drawn again.</summary>
    public async Task<SupervisionResult<SampleDraw>> DiscardAsync(int drawId, string? reason, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.NotPermitted);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.InputRequired);
        }

        if (reason.Length > SampleDraw.ReasonMaxLength)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.TextTooLong);
        }

        var draw = await db.SampleDraws.Include(d => d.Cases).FirstOrDefaultAsync(d => d.Id == drawId, cancellationToken);
        if (draw is null)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.NotFound);
        }

        if (draw.Status != SampleDrawStatus.Active)
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.WrongState);
        }

        if (draw.Cases.Any(c => c.CheckStatus == CheckStatus.Completed))
        {
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.SampleAlreadyChecked);
        }

        var now = time.GetUtcNow();
        draw.Discard(actor, reason, now);
        SupervisionRecord.Log(db, now, actor, SupervisionAction.SampleDiscarded, draw.Id, ReasonKey + reason);
        foreach (var sampled in draw.Cases)
        {
            await SupervisionRecord.LedgerAsync(db, sampled.ComplaintId, now, actor, SupervisionLedgerActions.SpotCheckDiscarded,
                string.Create(CultureInfo.InvariantCulture, $"sample={draw.Id}; reason={reason}"), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // A check was completed meanwhile (its version moved on).
            db.ChangeTracker.Clear();
            return SupervisionResult<SampleDraw>.Fail(SupervisionError.ConcurrencyConflict);
        }

        feed?.Publish(new SpotCheckChange(SpotCheckChangeKind.Discarded, draw.Id));
        return SupervisionResult<SampleDraw>.Ok(draw);
    }

    /// <summary>Draws again from the recorded candidates window, parameters and seed, and compares with what was recorded.</summary>
    public async Task<SampleReproduction?> ReproduceAsync(int drawId, CancellationToken cancellationToken = default)
    {
        var draw = await db.SampleDraws.AsNoTracking().Include(d => d.Cases).FirstOrDefaultAsync(d => d.Id == drawId, cancellationToken);
        if (draw is null)
        {
            return null;
        }

        var candidates = await SampleCandidates.LoadAsync(db, draw.PeriodStart, draw.CandidatesClosedBefore, cancellationToken);
        var recorded = draw.Cases.OrderBy(c => c.DrawOrder).Select(c => c.ComplaintId).ToList();
        var again = SampleAlgorithm.Draw(candidates, draw.Plan, draw.Seed).Select(d => d.Candidate.ComplaintId).ToList();
        return new SampleReproduction(recorded.SequenceEqual(again), recorded, again);
    }
}
