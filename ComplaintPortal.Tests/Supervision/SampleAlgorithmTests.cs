using ComplaintPortal.Domain.Supervision;

namespace ComplaintPortal.Tests.Supervision;

public sealed class SampleAlgorithmTests
{
    /// <summary>Four strata of different sizes: department 1 × categories 10/20, department 2 × category 10, no department × no category.</summary>
    private static readonly IReadOnlyList<SampleCandidate> Candidates =
    [
        .. Enumerable.Range(1, 40).Select(i => new SampleCandidate(i, 1, 10, CaseRisk.None)),
        .. Enumerable.Range(41, 12).Select(i => new SampleCandidate(i, 1, 20, i % 3 == 0 ? CaseRisk.Urgent : CaseRisk.None)),
        .. Enumerable.Range(53, 5).Select(i => new SampleCandidate(i, 2, 10, CaseRisk.Overdue | CaseRisk.Reopened)),
        new SampleCandidate(58, null, null, CaseRisk.None),
    ];

    [Fact]
    public void Same_seed_and_candidates_draw_the_same_cases_in_the_same_order()
    {
        var plan = new SamplePlan(SampleSizeMode.Count, 12, 1, RiskWeighted: true);

        var first = SampleAlgorithm.Draw(Candidates, plan, seed: 20260331);
        var again = SampleAlgorithm.Draw(Candidates.Reverse().ToList(), plan, seed: 20260331);

        Assert.Equal(first.Select(d => d.Candidate.ComplaintId), again.Select(d => d.Candidate.ComplaintId));
        Assert.Equal(Enumerable.Range(1, first.Count), first.Select(d => d.DrawOrder));
    }

    [Fact]
    public void Different_seeds_draw_different_samples()
    {
        var plan = new SamplePlan(SampleSizeMode.Count, 12, 1, RiskWeighted: false);

        var samples = Enumerable.Range(1, 5).Select(seed => string.Join(',', SampleAlgorithm.Draw(Candidates, plan, seed).Select(d => d.Candidate.ComplaintId)));

        Assert.True(samples.Distinct(StringComparer.Ordinal).Count() > 1);
    }

    [Theory]
    [InlineData(12, 1)]
    [InlineData(5, 2)]
    [InlineData(58, 3)]
    [InlineData(1, 0)]
    public void No_case_is_drawn_twice(int size, int minimum)
    {
        foreach (var seed in new[] { 1, 7, 42, 1000 })
        {
            var drawn = SampleAlgorithm.Draw(Candidates, new SamplePlan(SampleSizeMode.Count, size, minimum, RiskWeighted: true), seed);

            Assert.Equal(drawn.Count, drawn.Select(d => d.Candidate.ComplaintId).Distinct().Count());
        }
    }

    [Fact]
    public void Every_stratum_gets_its_minimum_even_beyond_the_asked_size()
    {
        // 4 cases asked for, 2 per stratum required: the minimums win (the lone case of the last stratum gives all it has).
        var drawn = SampleAlgorithm.Draw(Candidates, new SamplePlan(SampleSizeMode.Count, 4, 2, RiskWeighted: false), seed: 5);

        var perStratum = drawn.GroupBy(d => (d.Candidate.DepartmentId, d.Candidate.CategoryId)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, perStratum[(1, 10)]);
        Assert.Equal(2, perStratum[(1, 20)]);
        Assert.Equal(2, perStratum[(2, 10)]);
        Assert.Equal(1, perStratum[(null, null)]);
        Assert.Equal(7, drawn.Count);
    }

    [Fact]
    public void The_rest_of_the_sample_is_shared_in_proportion_to_each_stratum_s_remaining_cases()
    {
        // Minimum 1 each (4), then 16 more over the 54 left: 39/54, 11/54, 4/54 and 0 of them.
        Assert.Equal([13, 4, 2, 1], SampleAlgorithm.Allocate([40, 12, 5, 1], target: 20, minimumPerStratum: 1));
        Assert.Equal(20, SampleAlgorithm.Allocate([40, 12, 5, 1], 20, 1).Sum());
        Assert.Equal([40, 12, 5, 1], SampleAlgorithm.Allocate([40, 12, 5, 1], target: 500, minimumPerStratum: 0));
    }

    [Fact]
    public void A_rate_is_rounded_up_to_whole_cases()
    {
        Assert.Equal(6, new SamplePlan(SampleSizeMode.Rate, 10, 0, false).TargetFor(58));
        Assert.Equal(1, new SamplePlan(SampleSizeMode.Rate, 1, 0, false).TargetFor(3));
        Assert.Equal(58, new SamplePlan(SampleSizeMode.Rate, 100, 0, false).TargetFor(58));
    }

    [Fact]
    public void Weighting_to_risk_draws_risky_cases_more_often()
    {
        // One risky case (urgent, overdue, reopened: weight 4) among nine plain ones, one case drawn per seed.
        var pool = Enumerable.Range(1, 10).Select(i => new SampleCandidate(i, 1, 1, i == 5 ? CaseRisk.Urgent | CaseRisk.Overdue | CaseRisk.Reopened : CaseRisk.None)).ToList();
        int Count(bool weighted) => Enumerable.Range(0, 2000)
            .Count(seed => SampleAlgorithm.Draw(pool, new SamplePlan(SampleSizeMode.Count, 1, 0, weighted), seed)[0].Candidate.ComplaintId == 5);

        var weighted = Count(true);
        var plain = Count(false);

        // Expected shares: 4/13 ≈ 31% weighted, 1/10 = 10% plain.
        Assert.InRange(weighted, 500, 750);
        Assert.InRange(plain, 130, 270);
    }

    [Fact]
    public void A_drawn_case_carries_the_weight_it_was_drawn_with()
    {
        var drawn = SampleAlgorithm.Draw(Candidates, new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: true), seed: 3);

        Assert.All(drawn, d => Assert.Equal(1 + System.Numerics.BitOperations.PopCount((uint)d.Candidate.Risk), d.Weight));
        Assert.Equal(3, drawn.Single(d => d.Candidate.ComplaintId == 53).Weight);
    }
}
