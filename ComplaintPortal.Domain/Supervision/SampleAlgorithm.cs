using System.Numerics;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>A handled case that may be drawn: its stratum (department × top-level category) and its risks.</summary>
public sealed record SampleCandidate(int ComplaintId, int? DepartmentId, int? CategoryId, CaseRisk Risk)
{
    /// <summary>1, plus 1 for each risk when the draw is weighted to risk (a case with two risks is three times as likely).</summary>
    public int WeightFor(bool riskWeighted) => riskWeighted ? 1 + BitOperations.PopCount((uint)Risk) : 1;
}

/// <summary>A drawn case, in draw order.</summary>
public sealed record DrawnCase(SampleCandidate Candidate, int Weight, int DrawOrder);

/// <summary>
/// The reproducible stratified draw. Deterministic by construction, so the recorded seed reproduces it:
/// <list type="number">
/// <item>candidates are ordered by case id and grouped into strata (department, then category, nulls first);</item>
/// <item>each stratum gets its minimum (or all its cases if it has fewer); the rest of the target size is shared
/// in proportion to what each stratum has left, rounding by largest remainder (ties to the earlier stratum);
/// the minimums are honoured even when they add up to more than the target;</item>
/// <item>one <c>new Random(seed)</c> (.NET's seeded generator, whose sequence for a seed is kept stable across
/// versions for compatibility) then draws each stratum's share in stratum order, one case at a time, without
/// replacement: <c>Next(total weight)</c> picks the case whose cumulative weight passes the number.</item>
/// </list>
/// No case can be drawn twice: a drawn case leaves its stratum's pool.
/// </summary>
public static class SampleAlgorithm
{
    public static IReadOnlyList<DrawnCase> Draw(IReadOnlyList<SampleCandidate> candidates, SamplePlan plan, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(plan);
        if (candidates.Select(c => c.ComplaintId).Distinct().Count() != candidates.Count)
        {
            throw new ArgumentException("A case can be a candidate only once.", nameof(candidates));
        }

        var strata = candidates.OrderBy(c => c.ComplaintId)
            .GroupBy(c => (c.DepartmentId, c.CategoryId))
            .OrderBy(g => g.Key.DepartmentId ?? -1).ThenBy(g => g.Key.CategoryId ?? -1)
            .Select(g => g.ToList())
            .ToList();
        var shares = Allocate(strata.Select(s => s.Count).ToList(), plan.TargetFor(candidates.Count), plan.MinimumPerStratum);

        var random = new Random(seed);
        var drawn = new List<DrawnCase>();
        for (var s = 0; s < strata.Count; s++)
        {
            var pool = strata[s];
            for (var n = 0; n < shares[s]; n++)
            {
                var total = pool.Sum(c => c.WeightFor(plan.RiskWeighted));
                var ticket = random.Next(total);
                var index = 0;
                for (var running = pool[0].WeightFor(plan.RiskWeighted); running <= ticket; running += pool[index].WeightFor(plan.RiskWeighted))
                {
                    index++;
                }

                var chosen = pool[index];
                pool.RemoveAt(index);
                drawn.Add(new DrawnCase(chosen, chosen.WeightFor(plan.RiskWeighted), drawn.Count + 1));
            }
        }

        return drawn;
    }

    /// <summary>How many cases each stratum gives: minimums first, the rest in proportion to what is left.</summary>
    public static IReadOnlyList<int> Allocate(IReadOnlyList<int> stratumSizes, int target, int minimumPerStratum)
    {
        ArgumentNullException.ThrowIfNull(stratumSizes);
        var shares = stratumSizes.Select(size => Math.Min(size, Math.Max(0, minimumPerStratum))).ToArray();
        var total = Math.Min(stratumSizes.Sum(), Math.Max(target, shares.Sum()));
        var remaining = total - shares.Sum();
        var spare = stratumSizes.Select((size, i) => size - shares[i]).ToArray();
        long spareTotal = spare.Sum();
        if (remaining <= 0 || spareTotal == 0)
        {
            return shares;
        }

        var remainders = new long[spare.Length];
        for (var i = 0; i < spare.Length; i++)
        {
            var exact = (long)remaining * spare[i];
            shares[i] += (int)(exact / spareTotal);
            remainders[i] = exact % spareTotal;
        }

        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, spare.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }
}
