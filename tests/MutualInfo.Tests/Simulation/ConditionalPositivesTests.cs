using MutualInfo.Benchmarking;
using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Simulation;
using MutualInfo.Statistics;

namespace MutualInfo.Tests.Simulation;

public class ConditionalPositivesTests
{
    private static SimulationSettings Settings(string family, string bounds, int[] ns, int trials, ulong seed, int positives = 256,
        bool controlVariate = true, CriticSpec? critic = null) =>
        new(FamilySpec.Parse(family), BoundSpec.ParseList(bounds), ns, trials, NegativeSampling.Independent, seed, 2, controlVariate, critic,
            ConditionalPositives: positives);

    [Theory]
    [InlineData("gaussian:dim=20,mi=5", 256)]
    [InlineData("gaussian:dim=4,mi=2", 64)]
    public void Conditional_estimate_is_unbiased_over_many_seeds_and_its_SE_is_honest(string family, int n)
    {
        // Against a long plain run (its own SE included): the average of 40 conditional estimates agrees within 4 SE,
        // and their z-scores have unit spread (the SE is neither too small nor far too large).
        SimulationRow reference = Simulator.Run(Settings(family, "infonce", [n], 200_000, 999, controlVariate: false)).Rows[0];
        var z = new RunningMoments();
        var estimates = new RunningMoments();
        for (ulong seed = 1; seed <= 40; seed++)
        {
            SimulationRow row = Simulator.Run(Settings(family, "infonce", [n], 300, seed)).Rows[0];
            Assert.Equal(256, row.ConditionalPositives);
            estimates.Add(row.Estimate.Mean);
            z.Add((row.Estimate.Mean - reference.Estimate.Mean) / row.Estimate.StdError);
        }
        double combined = Math.Sqrt(estimates.StdError * estimates.StdError + reference.Estimate.StdError * reference.Estimate.StdError);
        Assert.True(Math.Abs(estimates.Mean - reference.Estimate.Mean) < 4 * combined,
            $"conditional {estimates.Mean} ± {estimates.StdError} vs plain {reference.Estimate.Mean} ± {reference.Estimate.StdError}");
        Assert.InRange(z.Variance, 0.5, 1.8);
    }

    [Fact]
    public void With_the_order_statistic_controls_at_high_MI_the_estimate_stays_unbiased_and_its_SE_honest()
    {
        // 20-d, I = 10, n = 1024, 1000 trials: most folds choose the order statistics' chain (25, 30, 35 or 40 controls:
        // counts no other chain has). Over 40 seeds against a 100 000-trial plain run: agreement within 4 SE, and the
        // z-scores' variance near 1 (the reported SE neither too small nor far too large).
        const string family = "gaussian:dim=20,mi=10";
        SimulationRow reference = Simulator.Run(Settings(family, "infonce", [1024], 100_000, 999, controlVariate: false)).Rows[0];
        var z = new RunningMoments();
        var estimates = new RunningMoments();
        int orderChain = 0;
        for (ulong seed = 1; seed <= 40; seed++)
        {
            SimulationRow row = Simulator.Run(Settings(family, "infonce", [1024], 1000, seed, positives: 64)).Rows[0];
            if (row.ControlCount is 25 or 30 or 35 or 40) orderChain++;
            estimates.Add(row.Estimate.Mean);
            z.Add((row.Estimate.Mean - reference.Estimate.Mean) / row.Estimate.StdError);
        }
        Assert.True(orderChain >= 20, $"order statistics' chain chosen in {orderChain} of 40 seeds");
        double combined = Math.Sqrt(estimates.StdError * estimates.StdError + reference.Estimate.StdError * reference.Estimate.StdError);
        Assert.True(Math.Abs(estimates.Mean - reference.Estimate.Mean) < 4 * combined,
            $"conditional {estimates.Mean} ± {estimates.StdError} vs plain {reference.Estimate.Mean} ± {reference.Estimate.StdError}");
        Assert.InRange(z.Variance, 0.5, 1.8);
    }

    [Fact]
    public void Cross_fitting_removes_what_the_controls_explain_and_keeps_the_mean()
    {
        // v = 3 + 2c₁ − c₂ + e with known-mean-zero controls: the estimate is near 3 with the SE of e alone.
        var rng = new MutualInfo.Randomness.Rng(3);
        const int t = 2000;
        double[] c1 = new double[t], c2 = new double[t], v = new double[t];
        for (int i = 0; i < t; i++)
        {
            c1[i] = rng.NextGaussian();
            c2[i] = rng.NextDouble() - 0.5;
            v[i] = 3 + 2 * c1[i] - c2[i] + 0.1 * rng.NextGaussian();
        }
        var fit = CrossFittedControls.Estimate(v, [c1, c2], [0, 1, 2])!.Value;
        Assert.Equal(2, fit.Controls);
        Assert.InRange(fit.Estimate.StdError, 0.1 / Math.Sqrt(t) * 0.9, 0.1 / Math.Sqrt(t) * 1.5);
        Assert.InRange(fit.Estimate.Mean, 3 - 4 * fit.Estimate.StdError, 3 + 4 * fit.Estimate.StdError);
        Assert.Equal(2, fit.FirstCoefficient, 1);
        // Too few trials per coefficient (25 per coefficient on the 90 training trials of 100): the set of three is not
        // offered; fewer than 10 trials per fold: null.
        Assert.Equal(2, CrossFittedControls.Estimate(v.AsSpan(0, 100), [c1[..100], c2[..100], c2[..100]], [0, 2, 3])!.Value.Controls);
        Assert.Null(CrossFittedControls.Estimate(v.AsSpan(0, 90), [c1[..90], c2[..90]], [0, 2]));
    }

    [Fact]
    public void At_large_n_and_high_MI_the_conditional_estimate_shrinks_InfoNCE_s_SE_more_than_tenfold()
    {
        SimulationRow row = Simulator.Run(Settings("gaussian:dim=20,mi=8", "infonce", [1 << 16], 1000, 4, positives: 1024)).Rows[0];
        Assert.True(row.ControlCount > 6, $"{row.ControlCount} controls");
        Assert.True(row.PlainEstimate.StdError > 10 * row.Estimate.StdError, $"plain {row.PlainEstimate.StdError} vs {row.Estimate.StdError}");
    }

    [Fact]
    public void Off_when_asked_for_in_batch_negatives_or_families_without_a_conditional_sampler()
    {
        SimulationRow off = Simulator.Run(Settings("gaussian:dim=3,mi=1", "infonce", [32], 100, 1, positives: 0)).Rows[0];
        Assert.Equal((0, 1), (off.ConditionalPositives, off.ControlCount));
        SimulationRow student = Simulator.Run(Settings("student-t:dx=2,dy=2,dof=3", "infonce", [32], 100, 1)).Rows[0];
        Assert.Equal((0, 1), (student.ConditionalPositives, student.ControlCount));
        SimulationRow inBatch = Simulator.Run(Settings("gaussian:dim=3,mi=1", "infonce", [32], 100, 1) with { Negatives = NegativeSampling.InBatch }).Rows[0];
        Assert.Equal(0, inBatch.ConditionalPositives);
        SimulationRow plain = Simulator.Run(Settings("gaussian:dim=3,mi=1", "infonce", [32], 100, 1, controlVariate: false)).Rows[0];
        Assert.Equal((0, 0), (plain.ConditionalPositives, plain.ControlCount));
        Assert.Equal(plain.PlainEstimate, plain.Estimate);
    }

    [Fact]
    public void Moment_sums_equal_the_direct_sums_across_blocks_with_a_growing_shift()
    {
        double[] first = [-40, -3.5, 2, double.NegativeInfinity], second = [10, -700, 0.25];
        var sums = new NegativeMomentSums(4);
        sums.Add(first);
        sums.Add(second);
        for (int a = 0; a < NegativeMomentSums.Exponents.Length; a++)
        {
            double alpha = NegativeMomentSums.Exponents[a];
            double direct = first.Concat(second).Sum(l => Math.Exp(alpha * l));
            Assert.Equal(Math.Log(direct), sums.LogSum(a), 12);
        }
        sums.Reset();
        Assert.Equal(double.NegativeInfinity, sums.LogSum(0));
    }

    [Fact]
    public void Same_numbers_whatever_the_thread_count_and_when_merged_from_shards()
    {
        SimulationSettings settings = Settings("gaussian:dim=6,mi=3", "infonce,loo-upper,club", [2, 64, 1000], 400, 12, critic: CriticSpec.Parse("noise=0.2"));
        SimulationRun one = Simulator.Run(settings with { Threads = 1 });
        SimulationRun three = Simulator.Run(settings with { Threads = 3 });
        Assert.Equal(one.Rows, three.Rows);
        Assert.Contains(one.Rows, r => r.ControlCount >= 6 && r.ConditionalPositives == 256);
        var shards = Enumerable.Range(0, 3)
            .Select(i => (Shard: ShardSpec.Parse($"{i}/3"), Blocks: Simulator.RunShard(settings with { Shard = ShardSpec.Parse($"{i}/3") })))
            .Select(s => (s.Shard, (IReadOnlyList<TrialBlock>)s.Blocks)).ToArray();
        Assert.Equal(one.Rows, Simulator.Merge(settings, shards).Rows);
    }
}
